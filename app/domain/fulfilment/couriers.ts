// The couriers shoppers expect (WORKSHOPS.md) plus "other", and whether a tracking number looks like one of theirs.
// Shared by the server (the rule) and the browser (the same hint before submitting).

export type CourierId = "sf" | "zto" | "yto" | "sto" | "yunda" | "jd" | "ems" | "other";

export type Courier = {
  id: CourierId;
  nameZh: string;
  nameEn: string;
  /** Checked against the normalised number (upper case, no spaces or dashes). */
  pattern: RegExp;
  example: string;
};

export const COURIERS: readonly Courier[] = [
  { id: "sf", nameZh: "顺丰速运", nameEn: "SF Express", pattern: /^SF\d{12,15}$/, example: "SF1234567890123" },
  { id: "zto", nameZh: "中通快递", nameEn: "ZTO Express", pattern: /^\d{12,15}$/, example: "731234567890" },
  {
    id: "yto",
    nameZh: "圆通速递",
    nameEn: "YTO Express",
    pattern: /^(YT\d{13}|\d{10,15})$/,
    example: "YT1234567890123",
  },
  { id: "sto", nameZh: "申通快递", nameEn: "STO Express", pattern: /^\d{12,15}$/, example: "773123456789012" },
  { id: "yunda", nameZh: "韵达快递", nameEn: "Yunda Express", pattern: /^\d{13,15}$/, example: "4312345678901" },
  { id: "jd", nameZh: "京东物流", nameEn: "JD Logistics", pattern: /^JD[A-Z0-9]{10,15}$/, example: "JDVA12345678901" },
  {
    id: "ems",
    nameZh: "中国邮政 EMS",
    nameEn: "China Post EMS",
    pattern: /^(E[A-Z]\d{9}CN|\d{13})$/,
    example: "EA123456789CN",
  },
  { id: "other", nameZh: "其他快递", nameEn: "Other courier", pattern: /^[A-Z0-9]{6,30}$/, example: "AB123456" },
];

export const COURIER_IDS = COURIERS.map((courier) => courier.id) as [CourierId, ...CourierId[]];

export function isCourierId(value: unknown): value is CourierId {
  return typeof value === "string" && (COURIER_IDS as string[]).includes(value);
}

export function courierById(id: string | null | undefined): Courier | undefined {
  return COURIERS.find((courier) => courier.id === id);
}

export function courierName(id: string | null | undefined, locale: string): string {
  const courier = courierById(id);
  if (!courier) return id ?? "";
  return locale === "en" ? courier.nameEn : courier.nameZh;
}

/** People type numbers with spaces, dashes and lower case; couriers print them in upper case without. */
export function normaliseTracking(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

export function isPlausibleTracking(courierId: string, input: string): boolean {
  const courier = courierById(courierId);
  return Boolean(courier && courier.pattern.test(normaliseTracking(input)));
}

const kuaidi100 = (code: string) => (number: string) =>
  `https://www.kuaidi100.com/chaxun?${new URLSearchParams(code ? { com: code, nu: number } : { nu: number })}`;

/** Each courier's public tracking page for one number (kuaidi100's, with the courier's code, where the courier's
 * own site offers no link that opens on a number). */
const TRACKING_URLS: Record<CourierId, (number: string) => string> = {
  sf: (n) => `https://www.sf-express.com/chn/sc/waybill/waybill-detail/${encodeURIComponent(n)}`,
  zto: kuaidi100("zhongtong"),
  yto: kuaidi100("yuantong"),
  sto: kuaidi100("shentong"),
  yunda: kuaidi100("yunda"),
  jd: (n) => `https://www.jdl.com/orderSearch/?waybillCodes=${encodeURIComponent(n)}`,
  ems: (n) => `https://www.ems.com.cn/queryList?mailNum=${encodeURIComponent(n)}`,
  other: kuaidi100(""),
};

/** Where a buyer follows a parcel: its courier's tracking page, or none without a courier and number. */
export function trackingLink(courierId: string | null | undefined, trackingNumber: string | null | undefined) {
  return isCourierId(courierId) && trackingNumber ? TRACKING_URLS[courierId](trackingNumber) : null;
}
