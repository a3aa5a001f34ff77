// The domain's one way to schedule background work. server/jobs.ts installs the PostgreSQL-backed queue
// (pg-boss); until it does (scripts, tests that call the job functions directly) nothing is scheduled, and
// the periodic sweep still catches whatever a lost job would have done.
import { singleton } from "./singleton.server";

export type Job = { data: object; startAfter?: Date; singletonKey?: string };

export interface JobQueue {
  /** Queues these jobs of one kind together (one insert, however many). */
  send(name: string, jobs: Job[]): Promise<void>;
}

// One per process, so that a domain function run from any copy of this module reaches the installed queue.
const installed = singleton("jobs:queue", () => ({ queue: undefined as JobQueue | undefined }));

export const jobs: JobQueue = {
  async send(name, list) {
    if (list.length) await installed.queue?.send(name, list);
  },
};

export function installJobQueue(queue: JobQueue | undefined) {
  installed.queue = queue;
}

/** Job names shared by the domain (which sends) and server/jobs.ts (which works them). */
export const JOB = {
  reservationExpiry: "reservation-expiry",
  reservationSweep: "reservation-sweep",
  owedRefund: "owed-refund",
  owedRefundSweep: "owed-refund-sweep",
  afterSalesEscalation: "after-sales-escalation",
  afterSalesSweep: "after-sales-sweep",
  receiptSweep: "receipt-auto-confirm-sweep",
  // Tell followers, reminded shoppers and buyers (inbox + Web Push): a show went live, parcels shipped.
  notices: "notices",
  luckyBagDraw: "lucky-bag-draw",
  luckyBagSweep: "lucky-bag-sweep",
  settlementRun: "settlement-run",
  payoutSend: "payout-send",
} as const;
