// Money on a chart's axis, bar ends and tables: the dashboards' one format, formatMoney's ¥1,436.00, whole fen.
import { formatMoney } from "~/lib/money";

export function chartMoney(fen: number, locale: string): string {
  return formatMoney(Math.round(fen), locale);
}
