// Fulfilment orders: one per (paid order, workshop), with a ship-by deadline and an event log. The workshop
// console that moves them along is its own area; this creates them and lists a workshop's queue.
import type { Prisma } from "~/generated/prisma/client";
import { shippingFor } from "../checkout/pricing.server";
import { systemNote } from "./history-notes";

type Tx = Prisma.TransactionClient;

/** Without a perishable deadline of its own, a workshop ships within three days of payment. */
export const DEFAULT_SHIP_WITHIN_HOURS = 72;
/** A perishable product from a workshop that set no hours still ships the next day. */
export const DEFAULT_PERISHABLE_HOURS = 24;

const HOUR = 3_600_000;

export type LineForFulfilment = {
  workshopId: string;
  lineTotalFen: number;
  product: { perishable: boolean; preorder: boolean };
  batch: { readyDate: Date } | null;
  workshop: { shipWithinHours: number | null; coldChain: boolean };
};

/** Perishables set the pace (strawberries first); a pre-order waits for its batch; the rest ship within the standard time. */
export function shipByFor(lines: LineForFulfilment[], paidAt: Date): Date {
  const hours = lines[0].workshop.shipWithinHours;
  if (lines.some((line) => line.product.perishable)) {
    return new Date(paidAt.getTime() + (hours ?? DEFAULT_PERISHABLE_HOURS) * HOUR);
  }
  const standard = paidAt.getTime() + (hours ?? DEFAULT_SHIP_WITHIN_HOURS) * HOUR;
  const ready = Math.max(
    0,
    ...lines.flatMap((line) => (line.product.preorder && line.batch ? [line.batch.readyDate.getTime()] : [])),
  );
  return new Date(Math.max(standard, ready));
}

function groupByWorkshop<T extends { workshopId: string }>(lines: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const line of lines) groups.set(line.workshopId, [...(groups.get(line.workshopId) ?? []), line]);
  return groups;
}

/**
 * Each workshop's part of the shipping the buyer paid, by the same rule that priced it. Should a workshop's
 * cold-chain setting change between pricing and payment, the last parcel absorbs the difference, so the
 * parts always add up to what was paid.
 */
export function splitShipping(lines: LineForFulfilment[], paidShippingFen: number): Map<string, number> {
  const parts = new Map<string, number>();
  for (const [workshopId, group] of groupByWorkshop(lines)) {
    const subtotal = group.reduce((sum, line) => sum + line.lineTotalFen, 0);
    parts.set(
      workshopId,
      shippingFor(subtotal, group[0].workshop.coldChain && group.some((l) => l.product.perishable)).shippingFen,
    );
  }
  const difference = paidShippingFen - [...parts.values()].reduce((sum, fen) => sum + fen, 0);
  if (difference !== 0) {
    const ids = [...parts.keys()];
    for (let i = ids.length - 1, left = difference; i >= 0 && left !== 0; i--) {
      const adjusted = Math.max(0, parts.get(ids[i])! + left);
      left -= adjusted - parts.get(ids[i])!;
      parts.set(ids[i], adjusted);
    }
  }
  return parts;
}

/** Creates one queued fulfilment order per workshop of a just-paid order. Returns workshopId → fulfilment id. */
export async function createFulfilmentOrders(
  tx: Tx,
  orderId: string,
  lines: LineForFulfilment[],
  paidAt: Date,
  paidShippingFen: number,
): Promise<Map<string, string>> {
  const shipping = splitShipping(lines, paidShippingFen);
  const ids = new Map<string, string>();
  for (const [workshopId, group] of groupByWorkshop(lines)) {
    const fulfilment = await tx.fulfilmentOrder.create({
      data: {
        orderId,
        workshopId,
        shipBy: shipByFor(group, paidAt),
        shippingFen: shipping.get(workshopId) ?? 0,
        events: { create: { toStatus: "queued", note: systemNote("paid") } },
      },
      select: { id: true },
    });
    ids.set(workshopId, fulfilment.id);
  }
  return ids;
}
