// What PostgreSQL said when a raw query failed: its SQLSTATE and, for a unique violation, the constraint's name,
// as Prisma's pg adapter hands them on (`meta.driverAdapterError.cause`). Code is matched on these, never on the
// message text, which changes with the server's version and language (lc_messages).
import { Prisma } from "~/generated/prisma/client";

export type SqlError = { sqlState: string; constraint: string | null };

type Cause = { originalCode?: unknown; code?: unknown; constraint?: { index?: unknown } };

export function sqlErrorOf(error: unknown): SqlError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const cause = (error.meta?.driverAdapterError as { cause?: Cause } | undefined)?.cause;
  const sqlState = cause?.originalCode ?? cause?.code;
  if (typeof sqlState !== "string") return null;
  const constraint = cause?.constraint?.index;
  return { sqlState, constraint: typeof constraint === "string" ? constraint : null };
}

/** Standard SQLSTATEs the app acts on (PostgreSQL, appendix A). */
export const SQLSTATE = {
  uniqueViolation: "23505",
  divisionByZero: "22012",
  deadlockDetected: "40P01",
  invalidTextRepresentation: "22P02",
  foreignKeyViolation: "23503",
} as const;
