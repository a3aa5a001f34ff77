// Where the packing room gets its refund path from. The checkout area owns refunds; until it is wired here the
// console offers no refund, and a refund asked for anyway is refused (fulfil:error.refundUnavailable).
// Wiring, once the checkout area is merged:
//   import { refundOrder } from "./refunds.server";
//   export const refundFulfilmentOrder: RefundFulfilmentOrder | undefined = (input) =>
//     refundOrder({ orderId: input.orderId, scope: `workshop:${input.workshopId}`, actorUserId: input.actorUserId }).then(() => {});
import type { RefundFulfilmentOrder } from "./fulfilment-flow.server";

export const refundFulfilmentOrder: RefundFulfilmentOrder | undefined = undefined;
