// Fills an empty database with the demo market of ./seed-data; leaves a database that has workshops alone.
import type { Prisma, PrismaClient } from "../app/generated/prisma/client.ts";
import { hashPassword } from "../app/lib/password.server.ts";
import { categories } from "./seed-data/categories.ts";
import { DEMO_PASSWORD, hosts, memberships, users } from "./seed-data/people.ts";
import { productImage, products } from "./seed-data/products.ts";
import { shows } from "./seed-data/shows.ts";
import { workshops } from "./seed-data/workshops.ts";
import { NANYANG_WORKERS } from "./seed-data/workers.ts";

type Tx = Prisma.TransactionClient;
type Ids = Map<string, string>;

export async function seed(db: PrismaClient): Promise<{ seeded: boolean }> {
  if ((await db.workshop.count()) > 0) return { seeded: false };
  // Hashed once for every demo account: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * 60_000);

  const seeded = await db.$transaction(
    async (tx) => {
      // Another process may have seeded between the check above and this transaction.
      if ((await tx.workshop.count()) > 0) return false;
      const workshopIds = await seedWorkshops(tx);
      const productIds = await seedCatalogue(tx, workshopIds, at);
      const userIds = await seedPeople(tx, workshopIds, passwordHash);
      const showIds = await seedShows(tx, productIds, userIds, at);
      await seedCoupons(tx, workshopIds, userIds, showIds, at);
      await seedWorkers(tx, need(workshopIds, "nanyang-umbrella"), new Date(now));
      return true;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { seeded };
}

function idsBy<T extends { id: string }>(rows: T[], key: (row: T) => string): Ids {
  return new Map(rows.map((row) => [key(row), row.id]));
}

function need(ids: Ids, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Seed data refers to an unknown key: ${key}`);
  return id;
}

// The 共富价 premium sits on top of market value, so market value = price / (1 + premium).
function marketPrice(priceFen: number, premiumRateBp: number): number | null {
  return premiumRateBp > 0 ? Math.round((priceFen * 10_000) / (10_000 + premiumRateBp)) : null;
}

async function seedWorkshops(tx: Tx): Promise<Ids> {
  const rows = await tx.workshop.createManyAndReturn({
    data: workshops.map((w) => ({ ...w, coverImage: `/images/workshops/${w.slug}.svg` })),
    select: { id: true, slug: true },
  });
  return idsBy(rows, (w) => w.slug);
}

async function seedCatalogue(tx: Tx, workshopIds: Ids, at: (minutes: number) => Date): Promise<Ids> {
  const categoryRows = await tx.category.createManyAndReturn({
    data: categories.map((c, position) => ({ ...c, position })),
    select: { id: true, slug: true },
  });
  const categoryIds = idsBy(categoryRows, (c) => c.slug);

  const productRows = await tx.product.createManyAndReturn({
    data: products.map((p) => ({
      slug: p.slug,
      workshopId: need(workshopIds, p.workshop),
      categoryId: need(categoryIds, p.category),
      titleZh: p.titleZh,
      titleEn: p.titleEn,
      descriptionZh: p.descriptionZh,
      descriptionEn: p.descriptionEn,
      images: [productImage(p.slug)],
      attributes: p.attributes,
      perishable: p.perishable ?? false,
      preorder: p.preorder ?? false,
      customisable: p.customisable ?? false,
      customisationPromptZh: p.customisationPromptZh ?? null,
      customisationPromptEn: p.customisationPromptEn ?? null,
      status: p.status ?? "active",
    })),
    select: { id: true, slug: true },
  });
  const productIds = idsBy(productRows, (p) => p.slug);

  const premiumBySlug = new Map(workshops.map((w) => [w.slug, w.premiumRateBp]));
  await tx.variant.createMany({
    data: products.flatMap((p) =>
      p.variants.map((variant, position) => ({
        ...variant,
        productId: need(productIds, p.slug),
        marketPriceFen: marketPrice(variant.priceFen, premiumBySlug.get(p.workshop) ?? 0),
        position,
      })),
    ),
  });

  await tx.batch.createMany({
    data: products.flatMap((p) =>
      p.batch
        ? [
            {
              workshopId: need(workshopIds, p.workshop),
              productId: need(productIds, p.slug),
              nameZh: p.batch.nameZh,
              nameEn: p.batch.nameEn,
              readyDate: at(p.batch.readyInDays * 24 * 60),
              capacity: p.batch.capacity,
              reserved: 0,
              status: "open" as const,
            },
          ]
        : [],
    ),
  });
  return productIds;
}

async function seedPeople(tx: Tx, workshopIds: Ids, passwordHash: string): Promise<Ids> {
  const userRows = await tx.user.createManyAndReturn({
    data: users.map((u) => ({ email: u.email, name: u.name, isAdmin: u.isAdmin ?? false, passwordHash })),
    select: { id: true, email: true },
  });
  const userIds = idsBy(userRows, (u) => u.email);

  await tx.host.createMany({
    data: hosts.map(({ email, ...host }) => ({ ...host, userId: need(userIds, email) })),
  });
  await tx.workshopMember.createMany({
    data: memberships.map((m) => ({
      userId: need(userIds, m.email),
      workshopId: need(workshopIds, m.workshop),
      role: m.role,
    })),
  });
  return userIds;
}

async function seedShows(tx: Tx, productIds: Ids, userIds: Ids, at: (minutes: number) => Date): Promise<Ids> {
  const showIds: Ids = new Map();
  const hostRows = await tx.host.findMany({ select: { id: true, userId: true } });
  const hostIdByUser = idsBy(hostRows, (h) => h.userId);
  const time = (minutes: number | undefined) => (minutes === undefined ? null : at(minutes));

  for (const show of shows) {
    const { id } = await tx.show.create({
      data: {
        hostId: need(hostIdByUser, need(userIds, show.host)),
        title: show.title,
        coverImage: show.coverImage,
        status: show.status,
        scheduledAt: at(show.scheduledAt),
        startedAt: time(show.startedAt),
        endedAt: time(show.endedAt),
        peakViewers: show.peakViewers,
        items: {
          create: show.lineUp.map((slug, position) => ({ productId: need(productIds, slug), position })),
        },
        pins: {
          create: show.pins.map((pin) => ({
            productId: need(productIds, pin.product),
            pinnedAt: at(pin.from),
            unpinnedAt: pin.to === null ? null : at(pin.to),
          })),
        },
        chat: {
          create: show.chat.map((message) => ({
            authorName: message.authorName,
            text: message.text,
            createdAt: at(message.at),
            userId: message.userEmail ? need(userIds, message.userEmail) : null,
          })),
        },
      },
      select: { id: true },
    });
    showIds.set(show.title, id);
  }
  return showIds;
}

/**
 * Two coupons, claimed by nobody and pinned nowhere (the host pins one in the room): the tea fairies' own
 * 满 ¥99 减 ¥10 on their goods, and a live-only ¥5 off in the tea granny's live show, paid for by the market.
 */
async function seedCoupons(tx: Tx, workshopIds: Ids, userIds: Ids, showIds: Ids, at: (minutes: number) => Date) {
  const liveTeaShow = shows.find((show) => show.host === "host.tea@cunbo.test" && show.status === "live")!;
  const common = { claimStartsAt: at(-60), claimEndsAt: at(7 * 24 * 60), perShopperLimit: 1 };
  await tx.coupon.createMany({
    data: [
      {
        ...common,
        funder: "workshop",
        scope: "workshop",
        workshopId: need(workshopIds, "tea-fairy-jingshan"),
        kind: "amount_off",
        thresholdFen: 9900,
        amountOffFen: 1000,
        total: 500,
        validHours: 72,
        createdById: need(userIds, "admin@cunbo.test"),
      },
      {
        ...common,
        funder: "market",
        scope: "show",
        showId: need(showIds, liveTeaShow.title),
        kind: "amount_off",
        amountOffFen: 500,
        total: 100,
        validHours: 24,
        createdById: need(userIds, "admin@cunbo.test"),
      },
    ],
  });
}

/** "2026-11" for the Shanghai month `back` months before `now`. */
function monthKey(now: Date, back: number): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
  })
    .format(now)
    .split("-")
    .map(Number);
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

async function seedWorkers(tx: Tx, workshopId: string, now: Date): Promise<void> {
  for (const w of NANYANG_WORKERS) {
    const worker = await tx.worker.create({
      data: {
        workshopId,
        displayName: w.displayName,
        code: w.code,
        stationZh: w.stationZh,
        remainderTo: w.remainderTo ?? false,
        records: {
          create: [
            { period: monthKey(now, 1), unit: "pieces", quantity: w.pieces[0] },
            { period: monthKey(now, 0), unit: "pieces", quantity: w.pieces[1] },
          ],
        },
      },
    });
    await tx.payee.create({
      data: {
        kind: "worker",
        refId: worker.id,
        workshopId,
        displayName: w.displayName,
        account: { create: { provider: "manual", accountRef: w.accountRef, accountName: w.displayName } },
      },
    });
  }
}
