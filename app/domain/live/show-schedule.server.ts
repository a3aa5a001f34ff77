// When shows run, for shoppers: live now, coming up, recently ended, and one show with its host and line-up.
// Shows of hosts who are not (or no longer) approved are not listed.
import type { Prisma, ShowStatus } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n";
import { pick } from "~/lib/localized";
import { getProductCards, visibleProduct, type ProductCard } from "../catalogue/catalogue.server";

const HOUR_MS = 60 * 60 * 1000;
// A host may start a little late: a scheduled show stays "coming up" for a while after its time.
const LATE_START_GRACE_MS = 2 * HOUR_MS;
const RECENT_MS = 30 * 24 * HOUR_MS;

const cardInclude = {
  host: { select: { displayNameZh: true, displayNameEn: true, villageZh: true, villageEn: true, avatar: true } },
  // Counts only what a shopper can see in the line-up.
  _count: { select: { items: { where: { product: visibleProduct } } } },
} satisfies Prisma.ShowInclude;

type CardRow = Prisma.ShowGetPayload<{ include: typeof cardInclude }>;

export type ShowCard = {
  id: string;
  hostId: string;
  title: string;
  coverImage: string | null;
  status: ShowStatus;
  scheduledAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  peakViewers: number;
  hostName: string;
  hostVillage: string;
  hostAvatar: string | null;
  itemCount: number;
};

function toCard(row: CardRow, locale: Locale): ShowCard {
  return {
    id: row.id,
    hostId: row.hostId,
    title: row.title,
    coverImage: row.coverImage,
    status: row.status,
    scheduledAt: row.scheduledAt,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    peakViewers: row.peakViewers,
    hostName: pick(locale, row.host.displayNameZh, row.host.displayNameEn),
    hostVillage: pick(locale, row.host.villageZh, row.host.villageEn),
    hostAvatar: row.host.avatar,
    itemCount: row._count.items,
  };
}

const approvedHost = { host: { status: "approved" } } satisfies Prisma.ShowWhereInput;

type Shelf = { live: Prisma.ShowWhereInput; upcoming: Prisma.ShowWhereInput; recent: Prisma.ShowWhereInput };

function shelves(now: Date): Shelf {
  return {
    live: { ...approvedHost, status: "live" },
    upcoming: {
      ...approvedHost,
      status: "scheduled",
      scheduledAt: { gte: new Date(now.getTime() - LATE_START_GRACE_MS) },
    },
    recent: { ...approvedHost, status: "ended", endedAt: { gte: new Date(now.getTime() - RECENT_MS) } },
  };
}

async function listShows(where: Shelf, locale: Locale, limits: { live: number; upcoming: number; recent: number }) {
  const [live, upcoming, recent] = await Promise.all([
    db.show.findMany({ where: where.live, orderBy: { startedAt: "desc" }, take: limits.live, include: cardInclude }),
    db.show.findMany({
      where: where.upcoming,
      orderBy: { scheduledAt: "asc" },
      take: limits.upcoming,
      include: cardInclude,
    }),
    db.show.findMany({ where: where.recent, orderBy: { endedAt: "desc" }, take: limits.recent, include: cardInclude }),
  ]);
  const cards = (rows: CardRow[]) => rows.map((row) => toCard(row, locale));
  return { live: cards(live), upcoming: cards(upcoming), recent: cards(recent) };
}

/** The home page's schedule: the live shows, the next scheduled ones, the latest ended ones. */
export async function homeSchedule(locale: Locale, now = new Date(), limits = { live: 12, upcoming: 6, recent: 4 }) {
  return listShows(shelves(now), locale, limits);
}

/** Live, coming-up and recent shows that have this product in their line-up: live first, then soonest. */
export async function showsFeaturingProduct(productId: string, locale: Locale, now = new Date(), limit = 6) {
  const inLineUp = { items: { some: { productId } } } satisfies Prisma.ShowWhereInput;
  const shelf = shelves(now);
  const { live, upcoming, recent } = await listShows(
    {
      live: { AND: [shelf.live, inLineUp] },
      upcoming: { AND: [shelf.upcoming, inLineUp] },
      recent: { AND: [shelf.recent, inLineUp] },
    },
    locale,
    { live: limit, upcoming: limit, recent: limit },
  );
  return [...live, ...upcoming, ...recent].slice(0, limit);
}

export type ShowPage = ShowCard & {
  hostBio: string;
  lineUp: ProductCard[];
};

/** One show with its host and its line-up (only products a shopper may see), or null. */
export async function getShow(showId: string, locale: Locale): Promise<ShowPage | null> {
  const row = await db.show.findFirst({
    where: { id: showId, ...approvedHost },
    include: {
      ...cardInclude,
      host: { select: { ...cardInclude.host.select, bioZh: true, bioEn: true } },
      items: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { productId: true } },
    },
  });
  if (!row) return null;
  const lineUp = await getProductCards(
    row.items.map((item) => item.productId),
    locale,
  );
  return { ...toCard(row, locale), hostBio: pick(locale, row.host.bioZh, row.host.bioEn), lineUp };
}
