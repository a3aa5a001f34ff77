// The PostgreSQL-backed job queue (pg-boss, in the `pgboss` schema): the reservation-expiry job that lets an
// unpaid order's hold lapse on time, and a sweep every minute that catches any hold whose job was lost.
import PgBoss from "pg-boss";
import { loadAppBuild } from "./app-build.ts";

export type RunningJobs = { boss: PgBoss; stop: () => Promise<void> };

export async function startJobs(
  connectionString: string,
  options: { pollingIntervalSeconds?: number; buildDir?: string } = {},
): Promise<RunningJobs> {
  const { api: app } = await loadAppBuild(options.buildDir);
  const { JOB } = app;
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 3, application_name: "cunbo-jobs" });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  await boss.createQueue(JOB.reservationExpiry, { name: JOB.reservationExpiry, retryLimit: 5, retryDelay: 10 });
  await boss.createQueue(JOB.reservationSweep, { name: JOB.reservationSweep, policy: "singleton" });
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work<{ orderId: string }>(JOB.reservationExpiry, { ...polling, batchSize: 20 }, async (batch) => {
    for (const job of batch) await app.expireOrder(job.data.orderId);
  });
  await boss.work(JOB.reservationSweep, polling, async () => {
    await app.sweepLapsedOrders();
  });
  await boss.schedule(JOB.reservationSweep, "* * * * *");
  app.installJobQueue({
    async send(name, list) {
      await boss.insert(list.map((job) => ({ name, ...job })));
    },
  });
  return {
    boss,
    stop: async () => {
      app.installJobQueue(undefined);
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}
