// Money is integer fen everywhere; this is the only place that turns fen into yuan for display.
export function formatMoney(fen: number, locale: string = "zh-CN"): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, "0");
  const grouped = yuan.toLocaleString(locale === "en" ? "en-US" : "zh-CN");
  return `${sign}¥${grouped}.${cents}`;
}

/** Parses a yuan amount typed by a person ("12.8", "¥1,280.00") into fen, or null when it is not one. */
export function parseYuan(input: string): number | null {
  const cleaned = input.replace(/[¥,\s]/g, "");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Fen as the plain yuan figure a person edits in a form ("66.60"), the inverse of parseYuan. */
export function yuanInput(fen: number): string {
  return formatMoney(fen, "en").replace(/[¥,]/g, "");
}
