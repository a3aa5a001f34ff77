// The one SQL statement that writes orders: their rows, line snapshots and reservations, and the stock holds
// (conditional UPDATEs) that make them real. A single statement is its own transaction, so a hot row is locked only
// while PostgreSQL runs it and commits, never across a round trip to this process; and one statement can carry
// many orders (a flash sale's buy-nows, placed together), each hot row then taken once for all of them.
import { randomBytes, randomInt } from "node:crypto";
import { Prisma, type Order, type OrderLine, type Reservation } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { shanghaiDay } from "~/lib/shanghai-time";
import { SQLSTATE, sqlErrorOf } from "~/lib/sql-error.server";
import { Conflict } from "../errors.server";
import { HELD_LEVELS, holdCtes, levelsFrom, shortfall, type Hold, type StockLevels } from "./stock.server";

/** Row ids made here (the statement writes rows Prisma never sees): time-ordered and unguessable, like cuid. */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}

/**
 * One order's rows and the holds it needs. "Order" and "OrderLine" rows are whole rows of their tables (the
 * statement fills every column from them, a missing key as NULL, with no column defaults), so a column added to
 * either table fails to compile until the rows give it. A reservation's status and creation time are the
 * statement's own (RESERVATION).
 */
export type OrderRows = {
  order: Order;
  lines: OrderLine[];
  reservations: Omit<Reservation, "status" | "createdAt">[];
  holds: Hold[];
  /** The coupon claim the order uses: taken by the statement only if still unused and unexpired. */
  claimId: string | null;
};

const NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** The number a buyer reads out to a workshop: the Shanghai date and six letters. Drawn again if already taken. */
export function newOrderNumber(now: Date): string {
  const day = shanghaiDay(now).slice(2).replace(/-/g, "");
  const tail = Array.from({ length: 6 }, () => NUMBER_ALPHABET[randomInt(NUMBER_ALPHABET.length)]).join("");
  return `CB${day}${tail}`;
}

// The statement refuses itself (rolling back every hold it took) when a hold did not fit, by dividing by zero:
// nothing else in it divides, so SQLSTATE 22012 says exactly this.
const isRefused = (error: unknown) => sqlErrorOf(error)?.sqlState === SQLSTATE.divisionByZero;
const isDeadlock = (error: unknown) => sqlErrorOf(error)?.sqlState === SQLSTATE.deadlockDetected;
// A coupon claim already used (or expired) refuses the statement by casting a word to int: 22P02 says exactly this.
const isClaimRefused = (error: unknown) => sqlErrorOf(error)?.sqlState === SQLSTATE.invalidTextRepresentation;
function violates(error: unknown, constraint: string) {
  const sql = sqlErrorOf(error);
  return sql?.sqlState === SQLSTATE.uniqueViolation && sql.constraint === constraint;
}
const isNumberTaken = (error: unknown) => violates(error, "Order_number_key");
const isSubmittedBefore = (error: unknown) => violates(error, "Order_submissionKey_key");

/** Thrown when the holds of several orders did not all fit: the levels they were shared out by had moved. */
export class LevelsMoved extends Error {}

/** Thrown when an order's checkout form already placed an order (sent twice): nothing of the group was written. */
export class SubmittedBefore extends Error {}

// Each column of "Reservation" and what the statement puts in it (`r` is the JSON row): keyed by the model's
// columns, so a column added to the table fails to compile until it is given a value here.
const RESERVATION: Record<keyof Reservation, string> = {
  id: 'r."id"',
  orderId: 'r."orderId"',
  variantId: 'r."variantId"',
  flashDealId: 'r."flashDealId"',
  batchId: 'r."batchId"',
  quantity: 'r."quantity"',
  status: "'held'",
  expiresAt: 'r."expiresAt"',
  // A hold is dated by the database, the moment it is taken.
  createdAt: "now()",
};
const RESERVATION_COLUMNS = Prisma.raw(
  Object.keys(RESERVATION)
    .map((column) => `"${column}"`)
    .join(", "),
);
const RESERVATION_VALUES = Prisma.raw(Object.values(RESERVATION).join(", "));

function statementFor(orders: OrderRows[], cartId: string | null): Prisma.Sql {
  const lines = orders.flatMap((o) => o.lines);
  const reservations = orders.flatMap((o) => o.reservations);
  const holds = orders.flatMap((o) => o.holds);
  const claims = orders.flatMap((o) => (o.claimId ? [{ claim_id: o.claimId, order_id: o.order.id }] : []));
  // Everything new is written first and the holds are taken last, so a hot row is locked only from its UPDATE
  // to the commit. If a hold does not fit, the statement refuses itself and nothing of it remains.
  const written = Prisma.sql`(SELECT count(*) FROM emptied_cart) >= 0`;
  return Prisma.sql`
    WITH new_orders AS (
      INSERT INTO "Order" SELECT * FROM jsonb_populate_recordset(NULL::"Order", ${JSON.stringify(orders.map((o) => o.order))}::jsonb) RETURNING "id"),
    new_lines AS (
      INSERT INTO "OrderLine" SELECT * FROM jsonb_populate_recordset(NULL::"OrderLine", ${JSON.stringify(lines)}::jsonb)
      WHERE (SELECT count(*) FROM new_orders) = ${orders.length} RETURNING "id"),
    new_reservations AS (
      INSERT INTO "Reservation" (${RESERVATION_COLUMNS}) SELECT ${RESERVATION_VALUES}
      FROM jsonb_to_recordset(${JSON.stringify(reservations)}::jsonb)
        AS r("id" text, "orderId" text, "variantId" text, "flashDealId" text, "batchId" text, "quantity" int, "expiresAt" timestamptz(3))
      WHERE (SELECT count(*) FROM new_lines) = ${lines.length} RETURNING "id"),
    emptied_cart AS (
      DELETE FROM "CartLine" WHERE "cartId" = ${cartId}
        AND "variantId" IN (SELECT jsonb_array_elements_text(${JSON.stringify(holds.map((h) => h.variantId))}::jsonb))
        AND (SELECT count(*) FROM new_reservations) = ${reservations.length}
      RETURNING "id"),
    used_claims AS (
      UPDATE "CouponClaim" c SET "orderId" = u.order_id, "usedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(claims)}::jsonb) AS u(claim_id text, order_id text)
      WHERE c."id" = u.claim_id AND c."orderId" IS NULL AND c."expiresAt" > now()
        AND (SELECT count(*) FROM new_orders) = ${orders.length}
      RETURNING c."id"),
    ${holdCtes(holds, written)}
    -- 0 when every hold fitted; else division by zero (see isRefused), which undoes the whole statement.
    SELECT 0 / held::int AS refused,
      -- 0 when every coupon claim was still free; else a cast error (see isClaimRefused) undoes it all.
      (CASE WHEN (SELECT count(*) FROM used_claims) = ${claims.length} THEN '0' ELSE 'coupon' END)::int AS "claimRefused",
      ${HELD_LEVELS}
    FROM hold_check`;
}

/**
 * Writes every order or none. One order whose holds do not fit throws the SoldOut it met; several throw
 * LevelsMoved (the caller shares the stock out again); a form sent twice throws SubmittedBefore. `cartId` empties those lines of a cart checkout's cart.
 */
export async function writeOrders(orders: OrderRows[], cartId: string | null = null): Promise<StockLevels> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [row] = await db.$queryRaw<{ deals: unknown; variants: unknown; batches: unknown }[]>(
        statementFor(orders, cartId),
      );
      return levelsFrom(row);
    } catch (error) {
      if (isRefused(error)) {
        if (orders.length > 1) throw new LevelsMoved();
        // One order alone (a cart's, or a line's last): which hold did not fit, judged from today's levels.
        throw await shortfall(orders[0].holds);
      }
      if (isSubmittedBefore(error)) throw new SubmittedBefore();
      if (isClaimRefused(error)) {
        // The reading the group was priced from no longer holds; alone, the buyer hears their coupon is gone.
        if (orders.length > 1) throw new LevelsMoved();
        throw new Conflict("checkout:error.couponUsed");
      }
      // Two multi-item orders can still cross on rows of different tables; PostgreSQL undoes one, which tries again.
      if (isDeadlock(error) && attempt < 3) continue;
      // Six letters a day leave room for a billion numbers, so two orders can still draw the same one.
      if (isNumberTaken(error) && attempt < 5) {
        for (const { order } of orders) order.number = newOrderNumber(new Date());
        continue;
      }
      throw error;
    }
  }
}
