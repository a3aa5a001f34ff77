// What an after-sales step tells the buyer's order page and the workshop's room, after its transaction commits.
import { events } from "~/domain/events.server";
import type { AfterSalesUpdate } from "~/domain/events";
import { JOB, jobs } from "~/lib/jobs.server";

export function announceAfterSales(workshopId: string, update: AfterSalesUpdate) {
  events.publish({ room: `order:${update.orderId}`, type: "aftersales:update", payload: update });
  events.publish({ room: `workshop:${workshopId}`, type: "aftersales:update", payload: update });
}

/** Wakes the escalation at the answer deadline (the minute sweep catches it too if the job is lost). */
export async function scheduleEscalation(requestId: string, answerBy: Date) {
  await jobs.send(JOB.afterSalesEscalation, [
    { data: { requestId }, startAfter: answerBy, singletonKey: `${requestId}:${answerBy.getTime()}` },
  ]);
}
