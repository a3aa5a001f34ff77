// The PostgreSQL-backed job queue (pg-boss, in the `pgboss` schema): the reservation-expiry job that lets an
// unpaid order's hold lapse on time, the owed-refund job that retries a refund with backoff, and sweeps every
// minute that catch any hold or owed refund whose job was lost, the automatic confirmation of receipt, and the
// notices that tell followers, reminded shoppers and buyers what happened;
// lucky bags' draws and unclaimed prizes.
import PgBoss from "pg-boss";
import { loadAppBuild } from "./app-build.ts";

export type RunningJobs = { boss: PgBoss; stop: () => Promise<void> };

export async function startJobs(
  connectionString: string,
  options: {
    pollingIntervalSeconds?: number;
    buildDir?: string;
    /** Tries after the first, and the first delay (doubling each time): by default ≈ 2–4 hours in all. */
    owedRefundRetries?: { limit: number; delaySeconds: number };
    /** Tries after the first of a payout that failed, and the first delay (doubling each time). */
    payoutRetries?: { limit: number; delaySeconds: number };
    /** The automatic receipt confirmation's and the settlement run's clock (a test moves it days ahead instead of waiting). */
    now?: () => Date;
  } = {},
): Promise<RunningJobs> {
  const { api: app } = await loadAppBuild(options.buildDir);
  const { JOB } = app;
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
    for (const job of batch) await app.expireOrder(job.data.orderId);
  });
  await boss.work(JOB.reservationSweep, polling, async () => {
    await app.sweepLapsedOrders();
  });
  await boss.schedule(JOB.reservationSweep, "* * * * *");
  await boss.work<{ orderId: string }>(JOB.owedRefund, { ...polling, includeMetadata: true }, async ([job]) => {
    await app.workOwedRefund(job.data.orderId, job.retryCount >= job.retryLimit);
  });
  await boss.work(JOB.owedRefundSweep, polling, async () => {
    await app.sweepOwedRefunds();
  });
  await boss.schedule(JOB.owedRefundSweep, "* * * * *");
  // After-sales: a request the workshop has not answered by its deadline goes to the admin.
  await boss.createQueue(JOB.afterSalesEscalation, { name: JOB.afterSalesEscalation, retryLimit: 5, retryDelay: 10 });
  await boss.createQueue(JOB.afterSalesSweep, { name: JOB.afterSalesSweep, policy: "singleton" });
  await boss.work(JOB.afterSalesEscalation, polling, async () => {
    await app.escalateOverdueRequests();
  });
  await boss.work(JOB.afterSalesSweep, polling, async () => {
    await app.escalateOverdueRequests();
  });
  await boss.schedule(JOB.afterSalesSweep, "* * * * *");
  // Parcels still "shipped" RECEIPT_AUTO_CONFIRM_DAYS after shipping count as received; checked every 10 minutes.
  await boss.createQueue(JOB.receiptSweep, { name: JOB.receiptSweep, policy: "singleton" });
  const now = options.now ?? (() => new Date());
  await boss.work(JOB.receiptSweep, polling, async () => {
    await app.confirmOverdueReceipts(now(), app.env().RECEIPT_AUTO_CONFIRM_DAYS);
  });
  await boss.schedule(JOB.receiptSweep, "*/10 * * * *");
  // Notices: a show went live, parcels shipped → inbox rows, then Web Push to each new notice's browsers.
  await boss.createQueue(JOB.notices, { name: JOB.notices, retryLimit: 5, retryDelay: 10, retryBackoff: true });
  await boss.work<Parameters<typeof app.workNoticeJob>[0]>(JOB.notices, polling, async ([job]) => {
    await app.workNoticeJob(job.data, app.vapid());
  });
  // Lucky bags: each is drawn by its own job when its countdown ends; the minute's sweep draws any whose job was
  // lost and gives unclaimed prizes back to stock.
  await boss.createQueue(JOB.luckyBagDraw, { name: JOB.luckyBagDraw, retryLimit: 5, retryDelay: 2 });
  await boss.createQueue(JOB.luckyBagSweep, { name: JOB.luckyBagSweep, policy: "singleton" });
  await boss.work<{ bagId: string }>(JOB.luckyBagDraw, { ...polling, batchSize: 10 }, async (batch) => {
    for (const job of batch) await app.drawLuckyBag(job.data.bagId);
  });
  await boss.work(JOB.luckyBagSweep, polling, async () => {
    await app.sweepLuckyBags(now());
  });
  await boss.schedule(JOB.luckyBagSweep, "* * * * *");
  // Money out: the daily settlement run (03:00 in Shanghai, on the same injectable clock), and each approved
  // payout sent with retries and backoff; after the last try it waits for an admin ("needs attention").
  await boss.createQueue(JOB.settlementRun, { name: JOB.settlementRun, policy: "singleton" });
  await boss.work(JOB.settlementRun, polling, async () => {
    await app.runSettlement({ now: now() });
  });
  await boss.schedule(JOB.settlementRun, "0 3 * * *", undefined, { tz: "Asia/Shanghai" });
  const payoutRetries = options.payoutRetries ?? { limit: 6, delaySeconds: 60 };
  await boss.createQueue(JOB.payoutSend, {
    name: JOB.payoutSend,
    retryLimit: payoutRetries.limit,
    retryDelay: payoutRetries.delaySeconds,
    retryBackoff: true,
  });
  await boss.work<{ payoutId: string }>(JOB.payoutSend, { ...polling, includeMetadata: true }, async ([job]) => {
    await app.sendPayout(job.data.payoutId, { lastAttempt: job.retryCount >= job.retryLimit });
  });
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
