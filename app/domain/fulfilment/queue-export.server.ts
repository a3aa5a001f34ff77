// The filtered queue as CSV for a courier's bulk-booking system: one row per parcel, with recipient, address split
// the way couriers' templates ask for it, what is inside, its weight and the deadline. UTF-8 with a BOM, so Excel
// (what most courier outlets open it with) shows the Chinese correctly.
import { stringify } from "csv-stringify/sync";
import type { Locale } from "~/lib/i18n";
import { translator } from "~/lib/locale.server";
import { shanghaiMinute } from "~/lib/shanghai-time";
import { courierName } from "./couriers";
import type { Parcel } from "./queue.server";

export const CSV_COLUMNS = [
  "orderNumber",
  "recipient",
  "phone",
  "province",
  "city",
  "district",
  "street",
  "items",
  "weight",
  "shipBy",
  "courier",
  "tracking",
  "status",
] as const;

/** A cell a spreadsheet would run as a formula is kept as text (names and addresses are typed by buyers). */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function queueCsv(parcels: Parcel[], locale: Locale): string {
  const t = translator(locale);
  const en = locale === "en";
  const header = CSV_COLUMNS.map((column) => t(`fulfil:csv.${column}`));
  const rows = parcels.map((parcel) => {
    const { order } = parcel;
    const items = order.lines
      .map(
        (line) =>
          `${en ? line.titleEn : line.titleZh} ${en ? line.variantNameEn : line.variantNameZh} ×${line.quantity}`,
      )
      .join("; ");
    const grams = order.lines.reduce((sum, line) => sum + line.variant.weightGrams * line.quantity, 0);
    return [
      order.number,
      order.contactName,
      order.phone,
      order.province,
      order.city,
      order.district,
      order.street,
      items,
      (grams / 1000).toFixed(2),
      shanghaiMinute(parcel.shipBy),
      parcel.courier ? courierName(parcel.courier, locale) : "",
      parcel.trackingNumber ?? "",
      t(`fulfil:status.${parcel.held ? "waiting" : parcel.status}`),
    ].map((cell) => safeCell(String(cell)));
  });
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: "\r\n" })}`;
}
