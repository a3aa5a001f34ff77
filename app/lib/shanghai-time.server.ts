// The Shanghai calendar in SQL: the time module's day and month of a timestamptz column, for GROUP BY.
import { Prisma } from "~/generated/prisma/client";
import { SHANGHAI_ZONE } from "./shanghai-time";

const zone = Prisma.raw(`'${SHANGHAI_ZONE}'`);

/** The Shanghai day of `column` as YYYY-MM-DD text, whatever the session's TimeZone (a date cast is cheaper than
 * to_char over thousands of rows). */
export const shanghaiDayOf = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE ${zone})::date)::text`;

/** The Shanghai month of `column` as YYYY-MM text. */
export const shanghaiMonthOf = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE ${zone}, 'YYYY-MM')`;
