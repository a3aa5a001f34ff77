// The domain's one way to schedule background work. server/jobs.ts installs the PostgreSQL-backed queue
// (pg-boss); until it does (scripts, tests that call the job functions directly) nothing is scheduled, and
// the periodic sweep still catches whatever a lost job would have done.
export type Job = { data: object; startAfter?: Date; singletonKey?: string };

export interface JobQueue {
  /** Queues these jobs of one kind together (one insert, however many). */
  send(name: string, jobs: Job[]): Promise<void>;
}

declare global {
  var __cunboJobs: JobQueue | undefined;
}

export const jobs: JobQueue = {
  async send(name, list) {
    if (list.length) await globalThis.__cunboJobs?.send(name, list);
  },
};

export function installJobQueue(queue: JobQueue | undefined) {
  globalThis.__cunboJobs = queue;
}

/** Job names shared by the domain (which sends) and server/jobs.ts (which works them). */
export const JOB = {
  reservationExpiry: "reservation-expiry",
  reservationSweep: "reservation-sweep",
  owedRefund: "owed-refund",
  owedRefundSweep: "owed-refund-sweep",
} as const;
