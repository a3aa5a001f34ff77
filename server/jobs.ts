// The PostgreSQL-backed job queue (pg-boss, in the `pgboss` schema): the reservation-expiry job that lets an
// unpaid order's hold lapse on time, the owed-refund job that retries a refund with backoff, and sweeps every
// minute that catch any hold or owed refund whose job was lost.
import PgBoss from "pg-boss";
import { sweepOwedRefunds, workOwedRefund } from "../app/domain/payments/owed-refunds.server.ts";
import { expireOrder, sweepLapsedOrders } from "../app/domain/reservations.server.ts";
import { installJobQueue, JOB } from "../app/lib/jobs.server.ts";

export type RunningJobs = { boss: PgBoss; stop: () => Promise<void> };

export async function startJobs(
  connectionString: string,
  options: {
    pollingIntervalSeconds?: number;
    /** Tries after the first, and the first delay (doubling each time): by default ≈ 2–4 hours in all. */
    owedRefundRetries?: { limit: number; delaySeconds: number };
  } = {},
): Promise<RunningJobs> {
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 3, application_name: "cunbo-jobs" });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  await boss.createQueue(JOB.reservationExpiry, { name: JOB.reservationExpiry, retryLimit: 5, retryDelay: 10 });
  await boss.createQueue(JOB.reservationSweep, { name: JOB.reservationSweep, policy: "singleton" });
  const refundRetries = options.owedRefundRetries ?? { limit: 8, delaySeconds: 30 };
  await boss.createQueue(JOB.owedRefund, {
    name: JOB.owedRefund,
    retryLimit: refundRetries.limit,
    retryDelay: refundRetries.delaySeconds,
    retryBackoff: true,
  });
  await boss.createQueue(JOB.owedRefundSweep, { name: JOB.owedRefundSweep, policy: "singleton" });
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work<{ orderId: string }>(JOB.reservationExpiry, { ...polling, batchSize: 20 }, async (batch) => {
    for (const job of batch) await expireOrder(job.data.orderId);
  });
  await boss.work(JOB.reservationSweep, polling, async () => {
    await sweepLapsedOrders();
  });
  await boss.schedule(JOB.reservationSweep, "* * * * *");
  await boss.work<{ orderId: string }>(JOB.owedRefund, { ...polling, includeMetadata: true }, async ([job]) => {
    await workOwedRefund(job.data.orderId, job.retryCount >= job.retryLimit);
  });
  await boss.work(JOB.owedRefundSweep, polling, async () => {
    await sweepOwedRefunds();
  });
  await boss.schedule(JOB.owedRefundSweep, "* * * * *");
  installJobQueue({
    async send(name, list) {
      await boss.insert(list.map((job) => ({ name, ...job })));
    },
  });
  return {
    boss,
    stop: async () => {
      installJobQueue(undefined);
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}
