// A workshop's workers (never shown publicly), where each is paid, and the work they record per month: pieces,
// hours or days, typed in the studio or uploaded as CSV. The premium fund is shared by these records.
import { parse } from "csv-parse/sync";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { InvalidInput, NotFound } from "../errors.server";
import { WORK_UNITS, type WorkUnit } from "./share-out";
import type { PayoutProviderName } from "./payout-provider";

type Tx = Prisma.TransactionClient;

import { PERIOD_RE as PERIOD_PATTERN } from "./period";

export async function listWorkers(workshopId: string, period: string) {
  const workers = await db.worker.findMany({
    where: { workshopId },
    orderBy: { displayName: "asc" },
    include: { records: { where: { period } } },
  });
  const payees = await db.payee.findMany({
    where: { kind: "worker", refId: { in: workers.map((w) => w.id) } },
    include: { account: true },
  });
  const byWorker = new Map(payees.map((p) => [p.refId, p.account]));
  return workers.map((w) => ({ ...w, account: byWorker.get(w.id) ?? null }));
}

export type WorkerInput = {
  displayName: string;
  code?: string | null;
  stationZh: string;
  provider: PayoutProviderName;
  accountRef: string;
  accountName: string;
  remainderTo?: boolean;
};

/** Adds a worker (or updates the one of that name) with where they are paid. */
export async function saveWorker(workshopId: string, input: WorkerInput) {
  return db.$transaction(async (tx) => {
    if (input.remainderTo) await tx.worker.updateMany({ where: { workshopId }, data: { remainderTo: false } });
    const worker = await tx.worker.upsert({
      where: { workshopId_displayName: { workshopId, displayName: input.displayName } },
      create: {
        workshopId,
        displayName: input.displayName,
        code: input.code || null,
        stationZh: input.stationZh,
        remainderTo: input.remainderTo ?? false,
      },
      update: { code: input.code || null, stationZh: input.stationZh, remainderTo: input.remainderTo ?? false },
    });
    const payee = await tx.payee.upsert({
      where: { kind_refId: { kind: "worker", refId: worker.id } },
      create: { kind: "worker", refId: worker.id, workshopId, displayName: worker.displayName },
      update: { displayName: worker.displayName },
    });
    const account = { provider: input.provider, accountRef: input.accountRef, accountName: input.accountName };
    await tx.payeeAccount.upsert({
      where: { payeeId: payee.id },
      create: { payeeId: payee.id, ...account },
      update: account,
    });
    return worker;
  });
}

export type WorkInput = { workerId: string; period: string; unit: WorkUnit; quantity: number };

/** Records (or corrects) a worker's work for a month. */
export async function recordWork(workshopId: string, input: WorkInput) {
  const worker = await db.worker.findFirst({ where: { id: input.workerId, workshopId }, select: { id: true } });
  if (!worker) throw new NotFound("payouts:error.workerNotFound");
  await db.workRecord.upsert({
    where: { workerId_period_unit: { workerId: worker.id, period: input.period, unit: input.unit } },
    create: input,
    update: { quantity: input.quantity },
  });
}

/** A CSV of work (columns: worker, period, unit, quantity; worker by display name or code). All rows or none. */
export async function importWorkCsv(workshopId: string, text: string): Promise<number> {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch {
    throw new InvalidInput("payouts:error.csvUnreadable");
  }
  if (rows.length === 0) throw new InvalidInput("payouts:error.csvEmpty");
  if (rows.length > 2000) throw new InvalidInput("payouts:error.csvTooLong");
  const workers = await db.worker.findMany({
    where: { workshopId },
    select: { id: true, displayName: true, code: true },
  });
  const find = new Map<string, string>();
  for (const w of workers) {
    find.set(w.displayName, w.id);
    if (w.code) find.set(w.code, w.id);
  }
  const records: WorkInput[] = rows.map((row, i) => {
    const line = i + 2;
    const workerId = find.get(row.worker ?? "");
    if (!workerId) throw new InvalidInput("payouts:error.csvWorker", { line, worker: row.worker ?? "" });
    if (!PERIOD_PATTERN.test(row.period ?? "")) throw new InvalidInput("payouts:error.csvPeriod", { line });
    if (!WORK_UNITS.includes(row.unit as WorkUnit)) throw new InvalidInput("payouts:error.csvUnit", { line });
    const quantity = Number(row.quantity);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000)
      throw new InvalidInput("payouts:error.csvQuantity", { line });
    return { workerId, period: row.period, unit: row.unit as WorkUnit, quantity };
  });
  await db.$transaction(
    records.map((r) =>
      db.workRecord.upsert({
        where: { workerId_period_unit: { workerId: r.workerId, period: r.period, unit: r.unit } },
        create: r,
        update: { quantity: r.quantity },
      }),
    ),
  );
  return records.length;
}

/**
 * The work that shares a workshop's fund for a month: in the one unit most of its records use that month
 * (pieces and hours do not add up), each worker with their payee.
 */
export async function workOfPeriod(workshopId: string, period: string, tx: Tx = db) {
  const records = await tx.workRecord.findMany({
    where: { period, worker: { workshopId, active: true } },
    include: { worker: { select: { id: true, displayName: true, remainderTo: true } } },
  });
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.unit, (counts.get(r.unit) ?? 0) + 1);
  const unit = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const used = records
    .filter((r) => r.unit === unit)
    .sort((a, b) => a.worker.displayName.localeCompare(b.worker.displayName));
  const payees = await Promise.all(
    used.map((r) =>
      tx.payee.upsert({
        where: { kind_refId: { kind: "worker", refId: r.workerId } },
        create: { kind: "worker", refId: r.workerId, workshopId, displayName: r.worker.displayName },
        update: {},
        select: { id: true },
      }),
    ),
  );
  const workers = used.map((r, i) => ({ workerId: r.workerId, payeeId: payees[i].id, work: r.quantity }));
  return {
    unit: (unit ?? null) as WorkUnit | null,
    workers,
    total: workers.reduce((sum, w) => sum + w.work, 0),
    remainderTo: used.find((r) => r.worker.remainderTo)?.workerId ?? null,
  };
}

/** A worker's statement, opened from the link on their phone (the token is the key). */
export async function workerStatement(token: string) {
  const share = await db.workerShare.findUnique({
    where: { accessToken: token },
    include: {
      worker: { select: { displayName: true, stationZh: true, workshop: { select: { nameZh: true, nameEn: true } } } },
      payout: { select: { amountFen: true, status: true, paidAt: true, createdAt: true } },
    },
  });
  return share;
}
