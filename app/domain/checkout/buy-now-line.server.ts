// The line of buy-nows for one variant, and all of its state. In a flash sale thousands of buyers tap at once; they
// join the line in the order they arrive, and each turn the line shares the stock out among the group at its front
// in one call of the pure share-out (share-out.server.ts), tells those who cannot have any at once, and writes the
// group with one statement (placing.server.ts). A group's statement is
// sent while the previous one may still be running: PostgreSQL queues it on the hot row and runs it the moment the
// previous one commits, so this process's busy event loop never sits between two statements.
import type { Gate } from "~/lib/gate";
import { singleton } from "~/lib/singleton.server";
import { LevelsMoved, SubmittedBefore } from "./order-statement.server";
import type { PlaceOrderInput } from "./order-rows.server";
import {
  actOn,
  answerSubmittedBefore,
  writePlacings,
  type Outcome,
  type Placing,
  type Waiting,
} from "./placing.server";
import { hasRead, newReading, readFor } from "./reading.server";
import { shareOut, type Reading } from "./share-out.server";
import { forgetSoldOut, recalledSoldOut } from "./sold-out-memo.server";

/** At most this many buy-nows share one statement, so one statement stays a few milliseconds long. */
const MAX_TOGETHER = 250;
/** Statements of one line in flight at once: one running, one waiting on the hot row behind it. */
const MAX_WRITING = 2;
/** A reading is trusted this long; then, between statements, the line reads again. */
const READING_MS = 1_000;

type Line = { waiting: Waiting[]; reading: Reading | null; reads: number; writes: number; due: boolean };

const lines = singleton("checkout:buy-now-lines", () => new Map<string, Line>());

/** Whoever is waiting for what has just run out hears "sold out" now, without a query. */
function settleRecalled(line: Line) {
  line.waiting = line.waiting.filter((waiting) => {
    const recalled = recalledSoldOut(waiting.input.items);
    if (recalled) waiting.settle({ error: recalled });
    return !recalled;
  });
}

/**
 * How many from the front of the line go together: up to MAX_TOGETHER, and never one form twice (sent again while
 * the first was still in line), which waits for the next group and then finds the first's order.
 */
function groupSize(waiting: Waiting[]): number {
  const forms = new Set<string>();
  let size = 0;
  for (const { input } of waiting) {
    if (size === MAX_TOGETHER || (input.submissionKey && forms.has(input.submissionKey))) break;
    if (input.submissionKey) forms.add(input.submissionKey);
    size++;
  }
  return size;
}

function finish(key: string, line: Line) {
  if (lines.get(key) === line && !line.waiting.length && !line.reads && !line.writes && !line.due) lines.delete(key);
}

/** The fewest units left of what this order needs (its variant, its deal), as the line's reading has them. */
function unitsLeft(reading: Reading, input: PlaceOrderInput): number {
  const [{ variantId, flashDealId }] = input.items;
  const levels = [`variant:${variantId}`, ...(flashDealId ? [`deal:${flashDealId}`] : [])].map(
    (key) => reading.left.get(key)?.units ?? Infinity,
  );
  return Math.min(...levels);
}

/**
 * Moves the line on once the requests that arrived in this turn of the event loop have joined it. (Under a crowd
 * that turn can last as long as the crowd takes to come in: libuv keeps polling while sockets have data.)
 */
function schedule(key: string, line: Line, gate: Gate) {
  if (line.due) return;
  line.due = true;
  setImmediate(() => {
    line.due = false;
    advance(key, line, gate);
  });
}

/**
 * A group's statement failed and nothing of it was written: its orders go back to the front of the line (stock
 * was taken elsewhere), or are answered with the orders their forms already placed; anything else, they are told.
 */
async function recover(line: Line, placings: Placing[], error: unknown) {
  // Whatever went wrong, the levels the reading shared out by can no longer be trusted.
  line.reading = null;
  if (error instanceof LevelsMoved) {
    // What this line remembered as gone may not be: the fresh reading will say.
    const holds = placings.flatMap((p) => p.rows.holds);
    forgetSoldOut(
      holds.map((h) => h.variantId),
      holds.flatMap((h) => (h.flashDealId ? [h.flashDealId] : [])),
    );
    line.waiting.unshift(...placings.map((p) => p.waiting));
    return;
  }
  if (!(error instanceof SubmittedBefore)) throw error;
  const unanswered = await answerSubmittedBefore(placings);
  // Sending the rest again only makes sense if some were answered; else tell them instead of looping.
  if (unanswered.length === placings.length) throw error;
  line.waiting.unshift(...unanswered);
}

/** Moves the line on: reads what it lacks, shares out what it can and sends the statements. */
function advance(key: string, line: Line, gate: Gate) {
  settleRecalled(line);
  const stale = line.reading && Date.now() - line.reading.at > READING_MS;
  if (stale && !line.writes) line.reading = null;
  while (line.waiting.length && !line.reads && line.writes < MAX_WRITING) {
    const group = line.waiting.slice(0, groupSize(line.waiting)).map((waiting) => waiting.input);
    if (!line.reading || !hasRead(line.reading, group)) {
      // A reading is only ever refreshed between statements, so its levels always include those in flight.
      if (line.writes && !line.reading) return;
      const reading = line.reading ?? newReading(Date.now());
      line.reads++;
      void gate
        .run(() => readFor(reading, group))
        .then(
          () => (line.reading = reading),
          (error: unknown) => {
            for (const waiting of line.waiting.splice(0, group.length)) waiting.settle({ error });
          },
        )
        .finally(() => {
          line.reads--;
          advance(key, line, gate);
        });
      return;
    }
    const now = new Date();
    const turn = line.waiting.splice(0, group.length);
    const placings = actOn(line.reading, shareOut(line.reading, group, now), turn, now);
    settleRecalled(line);
    if (!placings.length) continue;
    line.writes++;
    void gate
      .run(() => writePlacings(placings).catch((error: unknown) => recover(line, placings, error)))
      .catch((error: unknown) => {
        for (const { waiting } of placings) waiting.settle({ error });
      })
      .finally(() => {
        line.writes--;
        advance(key, line, gate);
      });
  }
  finish(key, line);
}

/** Joins the line of buy-nows for the order's one variant, and resolves when the order is placed or refused. */
export function placeInLine(input: PlaceOrderInput, gate: Gate): Promise<Outcome> {
  const key = input.items[0].variantId;
  return new Promise((settle) => {
    const line = lines.get(key);
    if (line) {
      line.waiting.push({ input, settle });
      // Enough buyers are waiting to take all that is left: no later one can change who gets it, so share it out
      // now rather than after the event loop has taken in the rest of the crowd.
      if (
        line.reading &&
        !line.reads &&
        line.writes < MAX_WRITING &&
        line.waiting.length >= unitsLeft(line.reading, input)
      )
        return advance(key, line, gate);
      return schedule(key, line, gate);
    }
    // The first in line starts the reading at once: it is what the rest of a crowd will wait for.
    const started: Line = { waiting: [{ input, settle }], reading: null, reads: 0, writes: 0, due: false };
    lines.set(key, started);
    advance(key, started, gate);
  });
}
