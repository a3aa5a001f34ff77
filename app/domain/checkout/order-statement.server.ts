// The one SQL statement that writes orders: their rows, line snapshots and reservations, and the stock holds
// (conditional UPDATEs) that make them real. A single statement is its own transaction, so a hot row is locked only
// while PostgreSQL runs it and commits, never across a round trip to this process; and one statement can carry
// many orders (a flash sale's buy-nows, placed together), each hot row then taken once for all of them.
import { randomBytes, randomInt } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { shanghaiDay } from "~/lib/shanghai-time";
import { SoldOut } from "../errors.server";
import { HELD_LEVELS, holdCtes, levelsFrom, shortfall, type Hold, type StockLevels } from "./stock.server";

/** Row ids made here (the statement writes rows Prisma never sees): time-ordered and unguessable, like cuid. */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}

/** One order's rows, in the columns of "Order", "OrderLine" and "Reservation", and the holds it needs. */
export type OrderRows = {
  order: Record<string, unknown> & { id: string };
  lines: Record<string, unknown>[];
  reservations: {
    id: string;
    orderId: string;
    variantId: string;
    flashDealId: string | null;
    batchId: string | null;
    quantity: number;
    expiresAt: Date;
  }[];
  holds: Hold[];
};

const NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** The number a buyer reads out to a workshop: the Shanghai date and six letters. Drawn again if already taken. */
export function newOrderNumber(now: Date): string {
  const day = shanghaiDay(now).slice(2).replace(/-/g, "");
  const tail = Array.from({ length: 6 }, () => NUMBER_ALPHABET[randomInt(NUMBER_ALPHABET.length)]).join("");
  return `CB${day}${tail}`;
}

// The statement refuses itself (rolling back every hold it took) when a hold did not fit. Its message says how
// many holds of each kind did fit, so a one-order statement learns what ran out without asking the database again.
const SHORTFALL = "cunbo: a stock hold did not fit";
const messageOf = (error: unknown) => String((error as Error)?.message ?? "");
const isDeadlock = (error: unknown) => /deadlock detected|40P01/.test(messageOf(error));
const isNumberTaken = (error: unknown) => messageOf(error).includes("Order_number_key");
const isSubmittedBefore = (error: unknown) => messageOf(error).includes("Order_submissionKey_key");

/** Thrown when the holds of several orders did not all fit: the levels they were shared out by had moved. */
export class LevelsMoved extends Error {}

/** Thrown when an order's checkout form already placed an order (sent twice): nothing of the group was written. */
export class SubmittedBefore extends Error {}

async function shortfallFrom(error: unknown, holds: Hold[]): Promise<SoldOut | null> {
  const fitted = new RegExp(`${SHORTFALL} \\(deals (\\d+), variants (\\d+)\\)`).exec(messageOf(error));
  if (!fitted) return null;
  if (holds.length > 1) return shortfall(holds);
  const [hold] = holds;
  const names = { titleZh: hold.titleZh, titleEn: hold.titleEn };
  if (hold.flashDealId && fitted[1] === "0") return new SoldOut("checkout:error.dealSoldOut", names);
  if (fitted[2] === "0") return new SoldOut("checkout:error.soldOut", names);
  return new SoldOut("checkout:error.batchFull", names);
}

function statementFor(orders: OrderRows[], cartId: string | null): Prisma.Sql {
  const lines = orders.flatMap((o) => o.lines);
  const reservations = orders.flatMap((o) => o.reservations);
  const holds = orders.flatMap((o) => o.holds);
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
      -- A hold is dated by the database, the moment it is taken.
      INSERT INTO "Reservation" ("id", "orderId", "variantId", "flashDealId", "batchId", "quantity", "status", "expiresAt", "createdAt")
      SELECT r."id", r."orderId", r."variantId", r."flashDealId", r."batchId", r."quantity", 'held', r."expiresAt", now()
      FROM jsonb_to_recordset(${JSON.stringify(reservations)}::jsonb)
        AS r("id" text, "orderId" text, "variantId" text, "flashDealId" text, "batchId" text, "quantity" int, "expiresAt" timestamptz(3))
      WHERE (SELECT count(*) FROM new_lines) = ${lines.length} RETURNING "id"),
    emptied_cart AS (
      DELETE FROM "CartLine" WHERE "cartId" = ${cartId}
        AND "variantId" IN (SELECT jsonb_array_elements_text(${JSON.stringify(holds.map((h) => h.variantId))}::jsonb))
        AND (SELECT count(*) FROM new_reservations) = ${reservations.length}
      RETURNING "id"),
    ${holdCtes(holds, written)}
    SELECT CASE WHEN held THEN 0
        ELSE (${SHORTFALL} || ' (deals ' || (SELECT count(*) FROM deal_holds) || ', variants ' || (SELECT count(*) FROM variant_holds) || ')')::int
      END AS refused,
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
      if (orders.length > 1 && messageOf(error).includes(SHORTFALL)) throw new LevelsMoved();
      if (isSubmittedBefore(error)) throw new SubmittedBefore();
      const soldOut = await shortfallFrom(
        error,
        orders.flatMap((o) => o.holds),
      );
      if (soldOut) throw soldOut;
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
