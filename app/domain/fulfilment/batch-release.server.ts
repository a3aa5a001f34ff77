// Pre-order batches seen from the packing room (capacity, reserved, ready date, parcels waiting) and their release:
// once the vat is ready, its parcels join the queue with a fresh ship-by deadline counted from the release.
import { db } from "~/lib/db.server";
import { events } from "~/domain/events.server";
import { InvalidTransition, NotFound } from "../errors.server";
import { systemNote } from "./history-notes";

/** After a release the workshop has two days to pack and ship what was pre-sold. */
export const RELEASE_SHIP_WITHIN_HOURS = 48;
const HOUR = 3_600_000;

export async function batchesForQueue(workshopId: string) {
  const [batches, waiting] = await Promise.all([
    db.batch.findMany({
      where: { workshopId, status: { in: ["open", "released"] } },
      orderBy: [{ status: "asc" }, { readyDate: "asc" }],
      select: {
        id: true,
        nameZh: true,
        nameEn: true,
        readyDate: true,
        capacity: true,
        reserved: true,
        status: true,
        product: { select: { titleZh: true, titleEn: true } },
      },
    }),
    db.$queryRaw<{ batchId: string; parcels: number }[]>`
      SELECT ol."batchId", count(DISTINCT fo.id)::int AS parcels
      FROM "OrderLine" ol
      JOIN "FulfilmentOrder" fo ON fo."orderId" = ol."orderId" AND fo."workshopId" = ol."workshopId"
      WHERE ol."workshopId" = ${workshopId} AND ol."batchId" IS NOT NULL AND fo.status = 'queued'
      GROUP BY ol."batchId"`,
  ]);
  const parcels = new Map(waiting.map((row) => [row.batchId, row.parcels]));
  return batches.map((batch) => ({ ...batch, parcels: parcels.get(batch.id) ?? 0 }));
}

export type ReleaseResult = {
  batchId: string;
  releasedAt: Date;
  shipBy: Date;
  parcelIds: string[];
  orderIds: string[];
};

/**
 * Releases an open batch of this workshop: the batch becomes "released", and every queued parcel carrying it
 * gets ship-by = release time + 48 h and an event in its log. Parcels that also wait on another open batch keep
 * waiting (they join the queue with that batch).
 */
export async function releaseBatch(input: {
  workshopId: string;
  batchId: string;
  actorUserId: string;
  now?: Date;
}): Promise<ReleaseResult> {
  const releasedAt = input.now ?? new Date();
  const shipBy = new Date(releasedAt.getTime() + RELEASE_SHIP_WITHIN_HOURS * HOUR);
  const result = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; status: string; nameZh: string }[]>`
      SELECT id, status::text AS status, "nameZh" FROM "Batch"
      WHERE id = ${input.batchId} AND "workshopId" = ${input.workshopId} FOR UPDATE`;
    const batch = locked[0];
    if (!batch) throw new NotFound("fulfil:error.batchNotFound");
    if (batch.status !== "open") throw new InvalidTransition("fulfil:batch.refused.notOpen", { status: batch.status });
    await tx.batch.update({ where: { id: batch.id }, data: { status: "released" } });
    const parcels = await tx.$queryRaw<{ id: string; orderId: string }[]>`
      SELECT fo.id, fo."orderId" FROM "FulfilmentOrder" fo
      WHERE fo."workshopId" = ${input.workshopId} AND fo.status = 'queued'
        AND EXISTS (SELECT 1 FROM "OrderLine" ol
                    WHERE ol."orderId" = fo."orderId" AND ol."workshopId" = fo."workshopId" AND ol."batchId" = ${batch.id})
      ORDER BY fo.id FOR UPDATE`;
    const parcelIds = parcels.map((parcel) => parcel.id);
    if (parcelIds.length) {
      await tx.fulfilmentOrder.updateMany({ where: { id: { in: parcelIds } }, data: { shipBy } });
      await tx.fulfilmentEvent.createMany({
        data: parcelIds.map((fulfilmentOrderId) => ({
          fulfilmentOrderId,
          fromStatus: "queued" as const,
          toStatus: "queued" as const,
          actorUserId: input.actorUserId,
          note: systemNote("batchReleased", batch.nameZh),
        })),
      });
    }
    const orderIds = [...new Set(parcels.map((parcel) => parcel.orderId))];
    return { batchId: batch.id, releasedAt, shipBy, parcelIds, orderIds };
  });
  for (const fulfilmentOrderId of result.parcelIds) {
    events.publish({
      room: `workshop:${input.workshopId}`,
      type: "queue:update",
      payload: { fulfilmentOrderId, status: "queued", shipBy: shipBy.toISOString(), released: true },
    });
  }
  for (const orderId of result.orderIds) {
    events.publish({
      room: `order:${orderId}`,
      type: "order:update",
      payload: { orderId, shipBy: shipBy.toISOString() },
    });
  }
  return result;
}
