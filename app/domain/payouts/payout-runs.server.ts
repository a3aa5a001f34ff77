// Payout runs, two people for money: one admin prepares a run from the statements waiting to be paid (a premium
// fund's statement is shared out to its workers), a different admin approves it (the domain refuses the preparer,
// and a CHECK stands behind it), then each payout is sent by the payout-send job. Every step is audited.
import { randomBytes } from "node:crypto";
import { db } from "~/lib/db.server";
import { JOB, jobs } from "~/lib/jobs.server";
import { shanghaiDay } from "~/lib/shanghai-time";
import { Conflict, NotAllowed, NotFound } from "../errors.server";
import { audit, type Actor } from "./audit.server";
import { configuredPayoutProviderName } from "./payout-provider.server";
import { shareOutFund } from "./share-out";
import { workOfPeriod } from "./workers.server";

const LOCK_KEY = 7_301_115;

/** The month (Shanghai, "2026-11") whose work records share a fund statement. */
export const periodOf = (periodTo: Date) => shanghaiDay(periodTo).slice(0, 7);

type PlannedPayout = {
  statementId: string;
  payeeId: string;
  payeeKind: "workshop" | "premium_fund" | "host" | "village" | "worker";
  amountFen: number;
  share?: { workerId: string; period: string; work: number; totalWork: number; fundFen: number };
};

/** Prepares a run of every statement waiting to be paid; null when nothing is waiting. */
export async function preparePayoutRun(actor: Actor & { userId: string }) {
  const provider = configuredPayoutProviderName();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
    const waiting = await tx.statement.findMany({
      where: { payoutFen: { gt: 0 }, payouts: { none: {} }, payee: { kind: { notIn: ["platform", "worker"] } } },
      include: { payee: { include: { account: true } } },
      orderBy: { createdAt: "asc" },
    });
    const planned: PlannedPayout[] = [];
    for (const statement of waiting) {
      const kind = statement.payee.kind as PlannedPayout["payeeKind"];
      if (kind === "premium_fund") {
        const period = periodOf(statement.periodTo);
        const work = await workOfPeriod(statement.payee.refId, period, tx);
        const shares = shareOutFund(statement.payoutFen, work.workers, work.remainderTo);
        if (shares.size > 0) {
          for (const w of work.workers) {
            const amountFen = shares.get(w.workerId) ?? 0;
            if (amountFen === 0) continue;
            planned.push({
              statementId: statement.id,
              payeeId: w.payeeId,
              payeeKind: "worker",
              amountFen,
              share: {
                workerId: w.workerId,
                period,
                work: w.work,
                totalWork: work.total,
                fundFen: statement.payoutFen,
              },
            });
          }
          continue;
        }
      }
      // Paid only where the payee has said where; otherwise it waits for the next run.
      if (!statement.payee.account) continue;
      planned.push({
        statementId: statement.id,
        payeeId: statement.payeeId,
        payeeKind: kind,
        amountFen: statement.payoutFen,
      });
    }
    if (planned.length === 0) return null;
    const totalFen = planned.reduce((sum, p) => sum + p.amountFen, 0);
    const run = await tx.payoutRun.create({ data: { preparedBy: actor.userId, totalFen, provider } });
    for (const p of planned) {
      const payout = await tx.payout.create({
        data: {
          runId: run.id,
          statementId: p.statementId,
          payeeId: p.payeeId,
          payeeKind: p.payeeKind,
          amountFen: p.amountFen,
          provider,
        },
      });
      if (p.share)
        await tx.workerShare.create({
          data: { payoutId: payout.id, ...p.share, accessToken: randomBytes(18).toString("base64url") },
        });
    }
    await audit(actor, "payout_run.prepare", run.id, { payouts: planned.length, totalFen, provider }, tx);
    return { runId: run.id, payouts: planned.length, totalFen };
  });
}

/** A second admin approves a prepared run; its payouts are then queued to be sent. */
export async function approvePayoutRun(runId: string, actor: Actor & { userId: string }) {
  const run = await db.payoutRun.findUnique({ where: { id: runId }, select: { preparedBy: true, status: true } });
  if (!run) throw new NotFound("payouts:error.runNotFound");
  if (run.preparedBy === actor.userId) {
    await audit(actor, "payout_run.approve_refused", runId, { reason: "preparer" });
    throw new NotAllowed("payouts:error.makerChecker");
  }
  const payouts = await db.$transaction(async (tx) => {
    const approved = await tx.payoutRun.updateMany({
      where: { id: runId, status: "prepared", preparedBy: { not: actor.userId } },
      data: { status: "approved", approvedBy: actor.userId, approvedAt: new Date() },
    });
    if (approved.count === 0) throw new Conflict("payouts:error.notPrepared");
    await audit(actor, "payout_run.approve", runId, {}, tx);
    return tx.payout.findMany({ where: { runId }, select: { id: true } });
  });
  await jobs.send(
    JOB.payoutSend,
    payouts.map((p) => ({ data: { payoutId: p.id }, singletonKey: p.id })),
  );
  await db.payoutRun.updateMany({ where: { id: runId, status: "approved" }, data: { status: "sending" } });
  return { payouts: payouts.length };
}

/** The manual provider's step: an admin records the bank's reference of a transfer that went through. */
export async function markPayoutPaid(payoutId: string, bankReference: string, actor: Actor & { userId: string }) {
  const payout = await db.payout.findUnique({ where: { id: payoutId }, select: { runId: true } });
  if (!payout) throw new NotFound("payouts:error.payoutNotFound");
  const marked = await db.payout.updateMany({
    where: {
      id: payoutId,
      provider: "manual",
      status: { in: ["pending", "sending", "failed", "needs_attention"] },
      run: { status: { in: ["approved", "sending"] } },
    },
    data: { status: "paid", bankReference, paidAt: new Date(), lastError: null },
  });
  if (marked.count === 0) throw new Conflict("payouts:error.notPayable");
  await audit(actor, "payout.mark_paid", payoutId, { bankReference });
  await finishRunIfDone(payout.runId);
}

/** A run whose every payout is paid is done. */
export async function finishRunIfDone(runId: string) {
  await db.$executeRaw`
    UPDATE "PayoutRun" SET status = 'done', "doneAt" = now()
    WHERE id = ${runId} AND status IN ('approved', 'sending')
      AND NOT EXISTS (SELECT 1 FROM "Payout" p WHERE p."runId" = ${runId} AND p.status <> 'paid')`;
}

export async function listPayoutRuns(limit = 20) {
  return db.payoutRun.findMany({
    orderBy: { preparedAt: "desc" },
    take: limit,
    include: {
      preparer: { select: { name: true } },
      approver: { select: { name: true } },
      payouts: { include: { payee: { select: { displayName: true, kind: true } } }, orderBy: { id: "asc" } },
    },
  });
}

/** Statements that will go into the next run, and those waiting for the payee to give an account. */
export async function waitingToBePaid() {
  const rows = await db.statement.groupBy({
    by: ["payeeId"],
    where: { payoutFen: { gt: 0 }, payouts: { none: {} }, payee: { kind: { notIn: ["platform", "worker"] } } },
    _sum: { payoutFen: true },
  });
  return { payees: rows.length, totalFen: rows.reduce((sum, r) => sum + (r._sum.payoutFen ?? 0), 0) };
}
