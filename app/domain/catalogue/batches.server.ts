// Pre-order batches (e.g. one vat of rice wine sold before it is made): a workshop's staff open them, move the
// ready date, size them and close them. Capacity never drops below what shoppers have already reserved.
import type { BatchStatus } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { releaseBatch } from "../fulfilment/batch-release.server";
import { MAX_BATCH_CAPACITY } from "~/domain/catalogue/limits";
import { InvalidFields, NotFound } from "../errors.server";

export type BatchInput = {
  nameZh: string;
  nameEn: string;
  readyDate: Date;
  capacity: number;
  status: BatchStatus;
};

export function listBatches(workshopId: string) {
  return db.batch.findMany({
    where: { workshopId },
    orderBy: [{ status: "asc" }, { readyDate: "asc" }],
    include: { product: { select: { id: true, titleZh: true, titleEn: true } } },
  });
}

/** The workshop's products a batch may belong to: its pre-order products, drafts included. */
export function listPreorderProducts(workshopId: string) {
  return db.product.findMany({
    where: { workshopId, preorder: true, status: { not: "archived" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, titleZh: true, titleEn: true },
  });
}

function checkInput(input: BatchInput) {
  const problems: Record<string, string[]> = {};
  if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_BATCH_CAPACITY) {
    problems.capacity = ["studio:batch.error.capacity"];
  }
  if (Number.isNaN(input.readyDate.getTime())) problems.readyDate = ["studio:batch.error.readyDate"];
  if (Object.keys(problems).length) throw new InvalidFields(problems);
  return { ...input, nameZh: input.nameZh.trim(), nameEn: input.nameEn.trim() || input.nameZh.trim() };
}

export async function createBatch(workshopId: string, productId: string, input: BatchInput) {
  const clean = checkInput(input);
  const product = await db.product.findFirst({
    where: { id: productId, workshopId, preorder: true },
    select: { id: true },
  });
  if (!product) throw new InvalidFields({ productId: ["studio:batch.error.product"] });
  return db.batch.create({ data: { ...clean, workshopId, productId } });
}

export async function updateBatch(workshopId: string, batchId: string, input: BatchInput, actorUserId: string) {
  const clean = checkInput(input);
  const releasing = await db.$transaction(async (tx) => {
    // Locked, so a reservation landing meanwhile cannot slip under the new capacity.
    const rows = await tx.$queryRaw<{ reserved: number; status: BatchStatus }[]>`
      SELECT reserved, status FROM "Batch" WHERE id = ${batchId} AND "workshopId" = ${workshopId} FOR UPDATE`;
    if (!rows.length) throw new NotFound();
    if (clean.capacity < rows[0].reserved) {
      throw new InvalidFields({ capacity: ["studio:batch.error.belowReserved"] });
    }
    // Releasing is more than a status: its parcels join the packing queue with fresh ship-by deadlines.
    const releasing = clean.status === "released" && rows[0].status !== "released";
    await tx.batch.update({ where: { id: batchId }, data: releasing ? { ...clean, status: rows[0].status } : clean });
    return releasing;
  });
  if (releasing) await releaseBatch({ workshopId, batchId, actorUserId });
}
