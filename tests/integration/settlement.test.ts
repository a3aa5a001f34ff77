// Settlement and payout runs on a real database: each ledger entry is settled once even when two runs overlap; a
// line waits out its after-sales window (48 hours for perishables); a refund after settlement is a deduction and a
// balance below zero carries forward; statements sum; the preparer of a payout run cannot approve it (domain and
// CHECK); a premium fund is shared out to the workers to the fen; manual payouts are marked paid and audited.
import { describe, expect, it } from "vitest";
import { NotAllowed } from "~/domain/errors.server";
import { approvePayoutRun, markPayoutPaid, preparePayoutRun } from "~/domain/payouts/payout-runs.server";
import { payoutSources, readLedgerPayouts } from "~/domain/payouts/reconciliation.server";
import { sendPayout } from "~/domain/payouts/send-payout.server";
import { runSettlement } from "~/domain/payouts/settlement.server";
import { saveWorker, recordWork } from "~/domain/payouts/workers.server";
import { periodOf } from "~/domain/payouts/payout-runs.server";
import { db } from "~/lib/db.server";
import { createPaidOrder, reverseOrder, userByEmail, workshopBySlug } from "../helpers/paid-order-fixture";

const DAY = 24 * 3_600_000;

/** A paid order whose parcel was delivered at `deliveredAt`. */
async function deliveredOrder(workshopSlug: string, deliveredAt: Date) {
  const order = await createPaidOrder({
    workshopSlug,
    status: "delivered",
    paidAt: new Date(deliveredAt.getTime() - 3 * DAY),
  });
  await db.fulfilmentEvent.create({
    data: {
      fulfilmentOrderId: order.fulfilmentOrderId,
      fromStatus: "shipped",
      toStatus: "delivered",
      createdAt: deliveredAt,
    },
  });
  return order;
}

async function settledCount(orderId: string) {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "StatementEntry" se JOIN "LedgerEntry" le ON le.id = se."ledgerEntryId"
    WHERE le."orderId" = ${orderId}`;
  return n;
}
const entryCount = (orderId: string) => db.ledgerEntry.count({ where: { orderId } });

async function latestStatement(kind: "workshop" | "premium_fund", workshopId: string) {
  return db.statement.findFirstOrThrow({
    where: { payee: { kind, refId: workshopId } },
    orderBy: { createdAt: "desc" },
  });
}

describe("settlement run", () => {
  it("settles each entry exactly once even when two runs overlap", async () => {
    const now = new Date();
    const orders = await Promise.all(
      [1, 2, 3].map(() => deliveredOrder("duzuo-rice-wine", new Date(now.getTime() - 8 * DAY))),
    );
    const [a, b] = await Promise.all([runSettlement({ now }), runSettlement({ now })]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    for (const o of orders) expect(await settledCount(o.orderId)).toBe(await entryCount(o.orderId));
    expect(await runSettlement({ now })).toBeNull();
    // The constraint behind the lock: a second statement entry for a settled ledger entry is refused.
    const ledgerIds = (await db.ledgerEntry.findMany({ where: { orderId: orders[0].orderId } })).map((e) => e.id);
    const entry = await db.statementEntry.findFirstOrThrow({ where: { ledgerEntryId: { in: ledgerIds } } });
    await expect(
      db.$executeRaw`INSERT INTO "StatementEntry" ("ledgerEntryId", "statementId") VALUES (${entry.ledgerEntryId}, ${entry.statementId})`,
    ).rejects.toThrow();
  });

  it("waits out the after-sales window: 7 days for most goods, 48 hours for perishables", async () => {
    const now = new Date();
    const wine = await deliveredOrder("duzuo-rice-wine", new Date(now.getTime() - 3 * DAY));
    const berry = await deliveredOrder("berry-good-market", new Date(now.getTime() - 3 * DAY));
    expect(
      (await db.orderLine.findFirstOrThrow({ where: { orderId: berry.orderId }, include: { product: true } })).product
        .perishable,
    ).toBe(true);
    await runSettlement({ now });
    expect(await settledCount(wine.orderId)).toBe(0);
    expect(await settledCount(berry.orderId)).toBe(await entryCount(berry.orderId));
    await runSettlement({ now: new Date(now.getTime() + 5 * DAY) });
    expect(await settledCount(wine.orderId)).toBe(await entryCount(wine.orderId));
  });

  it("a refund after settlement is a deduction on the next statement, and a balance below zero carries forward", async () => {
    const tea = await workshopBySlug("tea-fairy-jingshan");
    const start = new Date();
    const first = await deliveredOrder(tea.slug, new Date(start.getTime() - 8 * DAY));
    await runSettlement({ now: start });
    const settled = await latestStatement("workshop", tea.id);
    expect(settled.payoutFen).toBeGreaterThan(0);
    expect(settled.closingFen).toBe(0);

    await reverseOrder(first.orderId, new Date(start.getTime() + 1000));
    await runSettlement({ now: new Date(start.getTime() + DAY) });
    const refunded = await latestStatement("workshop", tea.id);
    expect(refunded.id).not.toBe(settled.id);
    expect(refunded.deductionsFen).toBe(-settled.entriesFen);
    expect(refunded.entriesFen).toBe(0);
    expect(refunded.payoutFen).toBe(0);
    expect(refunded.closingFen).toBe(-settled.entriesFen);
    const deductions = await db.statementEntry.count({ where: { statementId: refunded.id, deduction: true } });
    expect(deductions).toBeGreaterThan(0);

    const later = await deliveredOrder(tea.slug, new Date(start.getTime() - 7 * DAY));
    await runSettlement({ now: new Date(start.getTime() + 2 * DAY) });
    const next = await latestStatement("workshop", tea.id);
    expect(next.openingFen).toBe(refunded.closingFen);
    const laterFen = (
      await db.ledgerEntry.aggregate({
        where: { orderId: later.orderId, account: "workshop" },
        _sum: { amountFen: true },
      })
    )._sum.amountFen!;
    expect(next.entriesFen).toBe(laterFen);
    expect(next.payoutFen + next.closingFen).toBe(refunded.closingFen + laterFen);
  });

  it("every statement's figures equal the sum of its entries and balance", async () => {
    const mismatched = await db.$queryRaw<{ id: string }[]>`
      SELECT st.id FROM "Statement" st
      LEFT JOIN (SELECT se."statementId",
                        coalesce(sum(le."amountFen") FILTER (WHERE NOT se.deduction), 0)::int AS entries,
                        coalesce(sum(le."amountFen") FILTER (WHERE se.deduction), 0)::int AS deductions
                 FROM "StatementEntry" se JOIN "LedgerEntry" le ON le.id = se."ledgerEntryId" GROUP BY 1) s
        ON s."statementId" = st.id
      WHERE st."entriesFen" <> coalesce(s.entries, 0) OR st."deductionsFen" <> coalesce(s.deductions, 0)
         OR st."openingFen" + st."entriesFen" + st."deductionsFen" <> st."payoutFen" + st."closingFen"`;
    expect(mismatched).toEqual([]);
    expect(await db.statement.count()).toBeGreaterThan(3);
  });
});

describe("payout runs", () => {
  it("the preparer cannot approve; a second admin can; the premium fund is shared to the workers to the fen", async () => {
    const admin = await userByEmail("admin@cunbo.test");
    const treasurer = await userByEmail("treasurer@cunbo.test");
    const nanyang = await workshopBySlug("nanyang-umbrella");
    const now = new Date();
    await deliveredOrder(nanyang.slug, new Date(now.getTime() - 8 * DAY));
    await runSettlement({ now });
    const fund = await latestStatement("premium_fund", nanyang.id);
    expect(fund.payoutFen).toBeGreaterThan(0);
    // Workers of this period: the seed's home sewers, plus one added here with work recorded in the studio's way.
    const extra = await saveWorker(nanyang.id, {
      displayName: "测试工人",
      stationZh: "坎山服务站",
      provider: "manual",
      accountRef: "6222000011112222",
      accountName: "测试工人",
    });
    await recordWork(nanyang.id, { workerId: extra.id, period: periodOf(fund.periodTo), unit: "pieces", quantity: 7 });
    const workshopPayee = await db.payee.findUniqueOrThrow({
      where: { kind_refId: { kind: "workshop", refId: nanyang.id } },
    });
    await db.payeeAccount.create({
      data: { payeeId: workshopPayee.id, provider: "manual", accountRef: "33001616161600001", accountName: "南阳伞业" },
    });

    const run = await preparePayoutRun({ userId: admin.id, ip: "10.0.0.1" });
    expect(run).not.toBeNull();
    const shares = await db.payout.findMany({
      where: { runId: run!.runId, statementId: fund.id },
      include: { share: true },
    });
    expect(shares.length).toBeGreaterThanOrEqual(2);
    expect(shares.every((p) => p.payeeKind === "worker" && p.share)).toBe(true);
    expect(shares.reduce((sum, p) => sum + p.amountFen, 0)).toBe(fund.payoutFen);

    await expect(approvePayoutRun(run!.runId, { userId: admin.id, ip: "10.0.0.1" })).rejects.toBeInstanceOf(NotAllowed);
    await expect(
      db.$executeRaw`UPDATE "PayoutRun" SET status = 'approved', "approvedBy" = "preparedBy" WHERE id = ${run!.runId}`,
    ).rejects.toThrow(/PayoutRun_approver_not_preparer/);
    expect((await db.payoutRun.findUniqueOrThrow({ where: { id: run!.runId } })).status).toBe("prepared");

    await approvePayoutRun(run!.runId, { userId: treasurer.id, ip: "10.0.0.2" });
    const payouts = await db.payout.findMany({ where: { runId: run!.runId } });
    for (const p of payouts) await sendPayout(p.id);
    expect((await db.payout.findMany({ where: { runId: run!.runId } })).every((p) => p.status === "sending")).toBe(
      true,
    );
    for (const [i, p] of payouts.entries())
      await markPayoutPaid(p.id, `BANK-${i}-0001`, { userId: treasurer.id, ip: "10.0.0.2" });
    const done = await db.payoutRun.findUniqueOrThrow({ where: { id: run!.runId } });
    expect(done.status).toBe("done");
    expect(done.approvedBy).toBe(treasurer.id);
    // Nothing is paid twice: the statements are in a run now, so the next run has none of them.
    expect(await db.payout.count({ where: { statementId: fund.id } })).toBe(shares.length);
    const log = await db.auditLog.findMany({ where: { subjectId: run!.runId }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => [l.action, l.actorId, l.ip])).toEqual([
      ["payout_run.prepare", admin.id, "10.0.0.1"],
      ["payout_run.approve_refused", admin.id, "10.0.0.1"],
      ["payout_run.approve", treasurer.id, "10.0.0.2"],
    ]);

    // What a profit-sharing adapter splits, and what the reconciliation reads: the statement's own orders.
    const workshopPayout = payouts.find((p) => p.payeeKind === "workshop")!;
    const sources = await payoutSources(workshopPayout.id);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((source) => source.paymentRef.startsWith("local_"))).toBe(true);
    expect(sources.reduce((sum, source) => sum + source.amountFen, 0)).toBe(workshopPayout.amountFen);
    const read = await readLedgerPayouts("manual", {
      from: new Date(now.getTime() - DAY),
      to: new Date(Date.now() + DAY),
    });
    const row = read.find((candidate) => candidate.payoutId === workshopPayout.id);
    expect(row).toMatchObject({ status: "paid", amountFen: workshopPayout.amountFen, payeeKind: "workshop" });
    expect(row!.orderIds.sort()).toEqual([...new Set(sources.map((source) => source.orderId))].sort());
  });
});
