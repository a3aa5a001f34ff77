// When shows run, for shoppers: live now, coming up, recently ended, and one show with its host and line-up.
// Shows of hosts who are not (or no longer) approved are not listed.
import type { Prisma, ShowStatus } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n";
import { pick } from "~/lib/localized";
import { getProductCards, type ProductCard } from "./catalogue.server";

const HOUR_MS = 60 * 60 * 1000;
// A host may start a little late: a scheduled show stays "coming up" for a while after its time.
const LATE_START_GRACE_MS = 2 * HOUR_MS;
const RECENT_MS = 30 * 24 * HOUR_MS;

const cardInclude = {
  host: { select: { displayNameZh: true, displayNameEn: true, villageZh: true, villageEn: true, avatar: true } },
  _count: { select: { items: true } },
} satisfies Prisma.ShowInclude;

type CardRow = Prisma.ShowGetPayload<{ include: typeof cardInclude }>;

export type ShowCard = {
  id: string;
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

function onShelf(now: Date): Prisma.ShowWhereInput {
  return {
    ...approvedHost,
    OR: [
      { status: "live" },
      { status: "scheduled", scheduledAt: { gte: new Date(now.getTime() - LATE_START_GRACE_MS) } },
      { status: "ended", endedAt: { gte: new Date(now.getTime() - RECENT_MS) } },
    ],
  };
}

/** The home page's schedule: every live show, the next scheduled ones, the latest ended ones. */
export async function homeSchedule(locale: Locale, now = new Date(), limits = { upcoming: 6, recent: 4 }) {
  const rows = await db.show.findMany({ where: onShelf(now), include: cardInclude });
  const cards = rows.map((row) => toCard(row, locale));
  const time = (d: Date | null) => d?.getTime() ?? 0;
  return {
    live: cards.filter((s) => s.status === "live").sort((a, b) => time(b.startedAt) - time(a.startedAt)),
    upcoming: cards
      .filter((s) => s.status === "scheduled")
      .sort((a, b) => time(a.scheduledAt) - time(b.scheduledAt))
      .slice(0, limits.upcoming),
    recent: cards
      .filter((s) => s.status === "ended")
      .sort((a, b) => time(b.endedAt) - time(a.endedAt))
      .slice(0, limits.recent),
  };
}

/** Live, coming-up and recent shows that have this product in their line-up: live first, then soonest. */
export async function showsFeaturingProduct(productId: string, locale: Locale, now = new Date(), limit = 6) {
  const rows = await db.show.findMany({
    where: { AND: [onShelf(now), { items: { some: { productId } } }] },
    include: cardInclude,
  });
  const rank = { live: 0, scheduled: 1, ended: 2 } as const;
  return rows
    .map((row) => toCard(row, locale))
    .sort(
      (a, b) =>
        rank[a.status] - rank[b.status] ||
        (a.status === "ended"
          ? (b.endedAt?.getTime() ?? 0) - (a.endedAt?.getTime() ?? 0)
          : a.scheduledAt.getTime() - b.scheduledAt.getTime()),
    )
    .slice(0, limit);
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
