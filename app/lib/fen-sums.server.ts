// Money sums read back from SQL: PostgreSQL sums integer fen as bigint, which Prisma hands over as a JS bigint.
// Fen stay plain JS numbers everywhere else (exact up to 2^53 fen, about ¥90 trillion), so a sum becomes one here,
// checked, rather than carrying bigint through every type, chart and JSON answer (JSON cannot hold a bigint).

/** A summed amount of fen as a number; refuses, rather than rounds, a sum a number cannot hold exactly. */
export function fenFromSql(value: bigint | number | null): number {
  const fen = Number(value ?? 0);
  if (!Number.isSafeInteger(fen)) throw new RangeError(`A sum of ${String(value)} fen is beyond exact arithmetic`);
  return fen;
}

export type FenRow<T> = { [K in keyof T]: T[K] extends bigint ? number : T[K] };

/** The row with each bigint column (a money sum) turned into fen as a number. */
export function fenRow<T extends object>(row: T): FenRow<T> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, typeof value === "bigint" ? fenFromSql(value) : value]),
  ) as FenRow<T>;
}
