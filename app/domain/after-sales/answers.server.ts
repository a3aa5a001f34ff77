// The workshop's (and, once escalated, the admin's) answers to an after-sales request: approve the whole or part
// of the amount, ask for the goods back, or refuse with a reason; and the refund an approval leads to, made
// through the order's one refund path. The request's row lock decides between two answers given at once, and the
// provider refund is stored once (its event's unique id, the request's unique refund id): one request refunds once.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { Conflict, InvalidInput, InvalidTransition, NotAllowed, NotFound } from "../errors.server";
import { writePartialReversalEntries } from "../ledger/partial-reversal.server";
import { refundPartOfOrder } from "../orders/refunds.server";
import { announceAfterSales, scheduleEscalation } from "./announce.server";
import { RETURN_DAYS, splitAmount, type AfterSalesStatus } from "./rules";

type Tx = Prisma.TransactionClient;

const HOUR = 3_600_000;
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;
export const REFUSAL_MIN = 2;
export const REFUSAL_MAX = 200;

/** Who answers: a member of the request's workshop, or the admin (only once it is escalated). */
export type Answerer = { workshopId: string; actorUserId: string } | { admin: true; actorUserId: string };

export type Answer =
  { action: "approve"; amountFen?: number } | { action: "ask-return" } | { action: "refuse"; reason: string };

// From which statuses each answer may be given.
const ALLOWED: Record<Answer["action"], readonly AfterSalesStatus[]> = {
  approve: ["requested", "returned", "escalated"],
  "ask-return": ["requested", "escalated"],
  refuse: ["requested", "returned", "escalated"],
};

type LockedRequest = {
  id: string;
  orderId: string;
  workshopId: string;
  status: AfterSalesStatus;
  askedFen: number;
};

async function lockRequest(tx: Tx, requestId: string, by: Answerer): Promise<LockedRequest> {
  const [row] = await tx.$queryRaw<LockedRequest[]>`
    SELECT id, "orderId", "workshopId", status::text AS status, "askedFen"
    FROM "AfterSalesRequest" WHERE id = ${requestId} FOR UPDATE`;
  // Another workshop's request: the same answer as none at all.
  if (!row || ("workshopId" in by && row.workshopId !== by.workshopId)) throw new NotFound("aftersales:error.notFound");
  if ("admin" in by && row.status !== "escalated") throw new NotAllowed("aftersales:error.notEscalated");
  return row;
}

function checkAnswer(answer: Answer, askedFen: number): string | null {
  if (answer.action === "refuse") {
    const reason = answer.reason.trim();
    return reason.length < REFUSAL_MIN || reason.length > REFUSAL_MAX ? "aftersales:error.refusalReason" : null;
  }
  if (answer.action === "approve" && answer.amountFen !== undefined) {
    const fen = answer.amountFen;
    if (!Number.isSafeInteger(fen) || fen < 1) return "aftersales:error.amount";
    if (fen > askedFen) return "aftersales:error.aboveAsked";
  }
  return null;
}

/** Gives the answer; an approval then refunds. Returns the request as it ends. */
export async function answerRequest(input: { requestId: string; by: Answerer; answer: Answer; now?: Date }) {
  const now = input.now ?? new Date();
  const { answer, by } = input;
  const changed = await db.$transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId, by);
    if (!ALLOWED[answer.action].includes(request.status)) {
      throw new InvalidTransition("aftersales:error.alreadyAnswered", { status: request.status });
    }
    const invalid = checkAnswer(answer, request.askedFen);
    if (invalid) throw new InvalidInput(invalid);
    const event = { fromStatus: request.status, actorUserId: by.actorUserId, createdAt: now };
    if (answer.action === "refuse") {
      const reason = answer.reason.trim();
      return tx.afterSalesRequest.update({
        where: { id: request.id },
        data: {
          status: "refused",
          refusalReason: reason,
          events: { create: { ...event, toStatus: "refused", note: reason } },
        },
      });
    }
    if (answer.action === "ask-return") {
      return tx.afterSalesRequest.update({
        where: { id: request.id },
        data: {
          status: "awaiting_return",
          answerBy: new Date(now.getTime() + RETURN_DAYS * 24 * HOUR),
          events: { create: { ...event, toStatus: "awaiting_return" } },
        },
      });
    }
    const approvedFen = answer.amountFen ?? request.askedFen;
    const status = approvedFen === request.askedFen ? "approved" : "partially_approved";
    const lines = await tx.afterSalesLine.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } });
    const parts = splitAmount(
      approvedFen,
      lines.map((l) => l.amountFen),
    );
    for (const [i, line] of lines.entries()) {
      await tx.afterSalesLine.update({ where: { id: line.id }, data: { amountFen: parts[i] } });
    }
    return tx.afterSalesRequest.update({
      where: { id: request.id },
      data: { status, approvedFen, events: { create: { ...event, toStatus: status, note: String(approvedFen) } } },
    });
  }, TX_OPTIONS);
  announceAfterSales(changed);
  if (changed.status === "awaiting_return") await scheduleEscalation(changed.id, changed.answerBy);
  if (changed.status === "approved" || changed.status === "partially_approved") {
    return refundApproved(changed.id, by.actorUserId, now);
  }
  return changed;
}

/**
 * Makes the refund of an approved request (again, after the provider was unavailable: the same scope makes the
 * provider answer with the same refund). The ledger's reversal entries and the request's change commit with
 * the refund's event, once.
 */
export async function refundApproved(requestId: string, actorUserId: string | null, now = new Date()) {
  const request = await db.afterSalesRequest.findUnique({ where: { id: requestId } });
  if (!request) throw new NotFound("aftersales:error.notFound");
  if (request.status === "refunded") return request;
  if ((request.status !== "approved" && request.status !== "partially_approved") || !request.approvedFen) {
    throw new Conflict("aftersales:error.notApproved");
  }
  await refundPartOfOrder({
    orderId: request.orderId,
    scope: `aftersales:${request.id}`,
    amountFen: request.approvedFen,
    record: async (tx, refundId) => {
      const [row] = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text AS status FROM "AfterSalesRequest" WHERE id = ${request.id} FOR UPDATE`;
      if (row?.status !== "approved" && row?.status !== "partially_approved") {
        throw new Conflict("aftersales:error.notApproved");
      }
      const lines = await tx.afterSalesLine.findMany({ where: { requestId: request.id } });
      const reversed = await writePartialReversalEntries(
        tx,
        request.orderId,
        lines.map((l) => ({ orderLineId: l.orderLineId, amountFen: l.amountFen })),
      );
      if (reversed !== request.approvedFen) throw new Error(`Reversed ${reversed} fen of ${request.approvedFen}`);
      await tx.afterSalesRequest.update({
        where: { id: request.id },
        data: {
          status: "refunded",
          refundedFen: request.approvedFen!,
          refundId,
          refundedAt: now,
          events: {
            create: {
              fromStatus: row.status as AfterSalesStatus,
              toStatus: "refunded",
              actorUserId,
              note: refundId,
              createdAt: now,
            },
          },
        },
      });
    },
  });
  const done = await db.afterSalesRequest.findUniqueOrThrow({ where: { id: request.id } });
  announceAfterSales(done);
  return done;
}

/**
 * Every request whose answer deadline has passed without an answer goes to the admin. Safe to run from any
 * number of jobs at once: each row changes only while it is still waiting.
 */
export async function escalateOverdueRequests(now = new Date()): Promise<string[]> {
  const due = await db.afterSalesRequest.findMany({
    where: { status: { in: ["requested", "returned"] }, answerBy: { lte: now } },
    select: { id: true, status: true },
    take: 500,
  });
  const escalated: string[] = [];
  for (const candidate of due) {
    const changed = await db.$transaction(async (tx) => {
      const moved = await tx.afterSalesRequest.updateMany({
        where: { id: candidate.id, status: candidate.status, answerBy: { lte: now } },
        data: { status: "escalated", escalatedAt: now },
      });
      if (moved.count === 0) return null;
      await tx.afterSalesEvent.create({
        data: { requestId: candidate.id, fromStatus: candidate.status, toStatus: "escalated", createdAt: now },
      });
      return tx.afterSalesRequest.findUniqueOrThrow({ where: { id: candidate.id } });
    });
    if (!changed) continue;
    escalated.push(changed.id);
    announceAfterSales(changed);
  }
  return escalated;
}
