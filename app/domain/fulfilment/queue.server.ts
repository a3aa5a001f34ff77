// A workshop's packing queue: what to pack next (soonest ship-by first, so perishables lead), which parcels are
// overdue, filtered by status, show, product or batch, a page at a time. Parcels carrying a pre-order whose batch
// is still open wait outside the queue until the batch is released.
import * as z from "zod";
import { Prisma } from "~/generated/prisma/client";
import type { FulfilmentStatus } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { FULFILMENT_STATUSES, OPEN_STATUSES } from "./steps";

export const PAGE_SIZE = 50;
/** A printed or exported queue stops here; past it, a person narrows the filter. */
export const EXPORT_LIMIT = 2000;

export const QUEUE_VIEWS = ["open", "overdue", "waiting", ...FULFILMENT_STATUSES, "all"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

const id = z.string().trim().min(1).max(40).optional().catch(undefined);

export const QueueFiltersSchema = z.object({
  status: z.enum(QUEUE_VIEWS).catch("open"),
  show: id,
  product: id,
  batch: id,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

/** Unknown or malformed parameters fall back to the plain queue rather than failing the page. */
export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  return QueueFiltersSchema.parse({
    status: params.get("status") ?? undefined,
    show: params.get("show") || undefined,
    product: params.get("product") || undefined,
    batch: params.get("batch") || undefined,
    page: params.get("page") ?? undefined,
  });
}

async function openBatchIds(workshopId: string): Promise<string[]> {
  const rows = await db.batch.findMany({ where: { workshopId, status: "open" }, select: { id: true } });
  return rows.map((row) => row.id);
}

function heldSql(openBatches: string[]) {
  if (openBatches.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "OrderLine" hl
    WHERE hl."orderId" = fo."orderId" AND hl."workshopId" = fo."workshopId" AND hl."batchId" = ANY(${openBatches}))`;
}

function lineSql(column: "showId" | "productId" | "batchId", value: string) {
  return Prisma.sql`EXISTS (SELECT 1 FROM "OrderLine" fl
    WHERE fl."orderId" = fo."orderId" AND fl."workshopId" = fo."workshopId" AND fl.${Prisma.raw(`"${column}"`)} = ${value})`;
}

function statusList(statuses: FulfilmentStatus[]) {
  return Prisma.join(statuses.map((status) => Prisma.sql`${status}::"FulfilmentStatus"`));
}

function whereSql(workshopId: string, filters: QueueFilters, openBatches: string[], now: Date) {
  const held = heldSql(openBatches);
  const parts = [Prisma.sql`fo."workshopId" = ${workshopId}`];
  const open = Prisma.sql`fo.status IN (${statusList(OPEN_STATUSES)})`;
  if (filters.status === "open") parts.push(open, Prisma.sql`NOT ${held}`);
  else if (filters.status === "overdue") parts.push(open, Prisma.sql`NOT ${held}`, Prisma.sql`fo."shipBy" < ${now}`);
  else if (filters.status === "waiting") parts.push(Prisma.sql`fo.status = 'queued'`, held);
  else if (filters.status === "queued") parts.push(Prisma.sql`fo.status = 'queued'`, Prisma.sql`NOT ${held}`);
  else if (filters.status !== "all") parts.push(Prisma.sql`fo.status = ${filters.status}::"FulfilmentStatus"`);
  if (filters.show) parts.push(lineSql("showId", filters.show));
  if (filters.product) parts.push(lineSql("productId", filters.product));
  if (filters.batch) parts.push(lineSql("batchId", filters.batch));
  return { where: Prisma.join(parts, " AND "), held };
}

/** The ids of the filtered queue in packing order, and how many there are in all. */
async function queueIds(workshopId: string, filters: QueueFilters, now: Date, limit: number, offset: number) {
  const openBatches = await openBatchIds(workshopId);
  const { where, held } = whereSql(workshopId, filters, openBatches, now);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<{ id: string; held: boolean }[]>`
      SELECT fo.id, ${held} AS held FROM "FulfilmentOrder" fo WHERE ${where}
      ORDER BY fo."shipBy" ASC, fo."createdAt" ASC, fo.id ASC LIMIT ${limit} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "FulfilmentOrder" fo WHERE ${where}`,
  ]);
  return { rows, total: counted[0]?.total ?? 0 };
}

const parcelSelect = (workshopId: string) =>
  ({
    id: true,
    orderId: true,
    status: true,
    shipBy: true,
    courier: true,
    trackingNumber: true,
    exceptionReason: true,
    createdAt: true,
    order: {
      select: {
        id: true,
        number: true,
        contactName: true,
        phone: true,
        province: true,
        city: true,
        district: true,
        street: true,
        paidAt: true,
        lines: {
          where: { workshopId },
          orderBy: { id: "asc" },
          select: {
            id: true,
            productId: true,
            titleZh: true,
            titleEn: true,
            variantNameZh: true,
            variantNameEn: true,
            quantity: true,
            customisationNote: true,
            showId: true,
            batchId: true,
            variant: { select: { sku: true, weightGrams: true } },
            product: { select: { perishable: true } },
          },
        },
      },
    },
  }) satisfies Prisma.FulfilmentOrderSelect;

/** Full details of the given parcels of one workshop, in the order of `ids`. */
export async function parcelsByIds(workshopId: string, ids: string[], now = new Date(), held = new Set<string>()) {
  const rows = await db.fulfilmentOrder.findMany({
    where: { id: { in: ids }, workshopId },
    select: parcelSelect(workshopId),
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((parcelId) => {
    const row = byId.get(parcelId);
    if (!row) return [];
    const waiting = held.has(row.id);
    const overdue = !waiting && OPEN_STATUSES.includes(row.status) && row.shipBy < now;
    return [{ ...row, held: waiting, overdue }];
  });
}

export type Parcel = Awaited<ReturnType<typeof parcelsByIds>>[number];

async function eventLogs(ids: string[]) {
  const rows = await db.fulfilmentEvent.findMany({
    where: { fulfilmentOrderId: { in: ids } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      fulfilmentOrderId: true,
      fromStatus: true,
      toStatus: true,
      actorUserId: true,
      note: true,
      createdAt: true,
    },
  });
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  const logs = new Map<
    string,
    {
      id: string;
      fromStatus: FulfilmentStatus | null;
      toStatus: FulfilmentStatus;
      actorName: string | null;
      note: string | null;
      createdAt: Date;
    }[]
  >();
  for (const row of rows) {
    const list = logs.get(row.fulfilmentOrderId) ?? [];
    list.push({ ...row, actorName: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null });
    logs.set(row.fulfilmentOrderId, list);
  }
  return logs;
}

/** One page of the queue, with each parcel's event log, and the numbers the page's tabs show. */
export async function workshopQueuePage(workshopId: string, filters: QueueFilters, now = new Date()) {
  const offset = (filters.page - 1) * PAGE_SIZE;
  const [{ rows, total }, counts] = await Promise.all([
    queueIds(workshopId, filters, now, PAGE_SIZE, offset),
    queueCounts(workshopId, now),
  ]);
  const ids = rows.map((row) => row.id);
  const held = new Set(rows.filter((row) => row.held).map((row) => row.id));
  const [parcels, logs] = await Promise.all([parcelsByIds(workshopId, ids, now, held), eventLogs(ids)]);
  return {
    parcels: parcels.map((parcel) => ({ ...parcel, events: logs.get(parcel.id) ?? [] })),
    total,
    page: filters.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    counts,
  };
}

/** The filtered queue in packing order, for printing or export (capped at EXPORT_LIMIT). */
export async function filteredParcels(workshopId: string, filters: QueueFilters, now = new Date()) {
  const { rows } = await queueIds(workshopId, { ...filters, page: 1 }, now, EXPORT_LIMIT, 0);
  const held = new Set(rows.filter((row) => row.held).map((row) => row.id));
  return parcelsByIds(
    workshopId,
    rows.map((row) => row.id),
    now,
    held,
  );
}

/** How many parcels each tab holds: open, overdue, waiting for a batch, and per status. */
export async function queueCounts(workshopId: string, now = new Date()) {
  const openBatches = await openBatchIds(workshopId);
  const held = heldSql(openBatches);
  const rows = await db.$queryRaw<{ status: FulfilmentStatus; held: boolean; overdue: boolean; n: number }[]>`
    SELECT fo.status::text AS status, ${held} AS held, (fo."shipBy" < ${now}) AS overdue, count(*)::int AS n
    FROM "FulfilmentOrder" fo WHERE fo."workshopId" = ${workshopId}
    GROUP BY 1, 2, 3`;
  const counts: Record<QueueView, number> = Object.fromEntries(QUEUE_VIEWS.map((view) => [view, 0])) as Record<
    QueueView,
    number
  >;
  for (const row of rows) {
    counts.all += row.n;
    if (row.held) {
      counts.waiting += row.n;
      continue;
    }
    counts[row.status] += row.n;
    if (OPEN_STATUSES.includes(row.status)) {
      counts.open += row.n;
      if (row.overdue) counts.overdue += row.n;
    }
  }
  return counts;
}

/** What the filters offer: the workshop's shows (that sold something), products and batches. */
export async function queueFilterOptions(workshopId: string) {
  const [shows, products, batches] = await Promise.all([
    db.$queryRaw<{ id: string; title: string }[]>`
      SELECT s.id, s.title FROM "Show" s
      WHERE EXISTS (SELECT 1 FROM "OrderLine" ol WHERE ol."showId" = s.id AND ol."workshopId" = ${workshopId})
      ORDER BY s."scheduledAt" DESC LIMIT 100`,
    db.product.findMany({
      where: { workshopId },
      orderBy: { titleZh: "asc" },
      select: { id: true, titleZh: true, titleEn: true },
    }),
    db.batch.findMany({
      where: { workshopId },
      orderBy: { readyDate: "asc" },
      select: { id: true, nameZh: true, nameEn: true, status: true },
    }),
  ]);
  return { shows, products, batches };
}
