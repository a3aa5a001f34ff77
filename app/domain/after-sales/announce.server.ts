// What an after-sales step tells the buyer's order page and the workshop's room, after its transaction commits.
import { events } from "~/domain/events.server";
import type { AfterSalesUpdate } from "~/domain/events";
import { JOB, jobs } from "~/lib/jobs.server";

type Announced = {
  id: string;
  orderId: string;
  workshopId: string;
  fulfilmentOrderId: string;
  status: string;
  refundedFen: number;
};

export function announceAfterSales(request: Announced) {
  const update: AfterSalesUpdate = {
    orderId: request.orderId,
    requestId: request.id,
    fulfilmentOrderId: request.fulfilmentOrderId,
    status: request.status,
    ...(request.refundedFen ? { refundedFen: request.refundedFen } : {}),
  };
  events.publish({ room: `order:${update.orderId}`, type: "aftersales:update", payload: update });
  events.publish({ room: `workshop:${request.workshopId}`, type: "aftersales:update", payload: update });
}

/** Wakes the escalation at the answer deadline (the minute sweep catches it too if the job is lost). */
export async function scheduleEscalation(requestId: string, answerBy: Date) {
  await jobs.send(JOB.afterSalesEscalation, [
    { data: { requestId }, startAfter: answerBy, singletonKey: `${requestId}:${answerBy.getTime()}` },
  ]);
}
