// The packing room's refund path: an exception the workshop cannot fix refunds that workshop's part of the
// order through the checkout area's one refund path (provider first, then ledger reversal and cancellation).
import type { RefundFulfilmentOrder } from "./flow.server";
import { refundOrder } from "../orders/refunds.server";

export const refundFulfilmentOrder: RefundFulfilmentOrder | undefined = async (input) => {
  await refundOrder({ orderId: input.orderId, scope: `workshop:${input.workshopId}`, actorUserId: input.actorUserId });
};
