// Money on a chart's axis or bar end: the usual ¥ format, without the trailing ".00" that crowds a small chart.
import { formatMoney } from "~/lib/money";

export function chartMoney(fen: number, locale: string): string {
  return formatMoney(Math.round(fen), locale).replace(/\.00$/, "");
}
