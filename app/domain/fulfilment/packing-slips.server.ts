// Packing slips as one PDF, one page per parcel: order number, ship-by, who it goes to, what goes in it (with any
// customisation the workshop must honour) and a QR code that opens the order page.
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import type { Locale } from "~/lib/i18n";
import { translator } from "~/lib/locale.server";
import { formatDateTime } from "~/lib/shanghai-time";
import { DomainError } from "../errors.server";
import type { Parcel } from "./queue.server";

/** Chinese text needs a CJK font; these are where Debian's packages put theirs (fonts-wqy-microhei, fonts-noto-cjk). */
const CJK_FONT_CANDIDATES = [
  { path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", family: "WenQuanYiMicroHei" },
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "NotoSansCJKsc-Regular" },
  { path: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", family: "WenQuanYiZenHei" },
];

export class FontMissing extends DomainError {
  constructor() {
    super("fulfil:error.fontMissing", 503);
  }
}

/** The CJK font to embed: CJK_FONT_PATH (a .ttf/.otf, or a .ttc with CJK_FONT_FAMILY), else a system one. */
export function cjkFont(): { path: string; family?: string } {
  const configured = env().CJK_FONT_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new FontMissing();
    return { path: configured, family: env().CJK_FONT_FAMILY };
  }
  const found = CJK_FONT_CANDIDATES.find((candidate) => existsSync(candidate.path));
  if (!found) throw new FontMissing();
  return found;
}

export type SlipWorkshop = { nameZh: string; nameEn: string; shipFromZh: string; shipFromEn: string };

export type SlipInput = {
  parcels: Parcel[];
  workshop: SlipWorkshop;
  locale: Locale;
  /** Where the site is reached, e.g. https://cunbo.example: the QR code opens the order page there. */
  origin: string;
};

/**
 * The buyer's order page, with the order's access token: the slip travels inside the buyer's own parcel, and a
 * guest has no other way in.
 */
async function orderLinks(parcels: Parcel[], origin: string): Promise<Map<string, string>> {
  const orders = await db.order.findMany({
    where: { id: { in: parcels.map((parcel) => parcel.orderId) } },
    select: { id: true, accessToken: true },
  });
  return new Map(
    orders.map((order) => [
      order.id,
      `${origin}/orders/${order.id}?${new URLSearchParams({ token: order.accessToken })}`,
    ]),
  );
}

const MARGIN = 32;

/**
 * Perishables (strawberries) go in the cold chain and must leave by their ship-by time: a bold boxed mark under the
 * order number says so, in the slip's language, so the packer and the courier see it at a glance.
 */
function coldChainMark(
  doc: PDFKit.PDFDocument,
  t: ReturnType<typeof translator>,
  parcel: Parcel,
  locale: Locale,
  width: number,
) {
  const y = doc.y + 4;
  const boxWidth = width - 100;
  doc
    .save()
    .lineWidth(2)
    .strokeColor("#0369a1")
    .fillColor("#e0f2fe")
    .rect(MARGIN, y, boxWidth, 40)
    .fillAndStroke()
    .restore();
  doc
    .fillColor("#0c4a6e")
    .fontSize(14)
    .text(t("fulfil:slip.coldChain"), MARGIN + 8, y + 5, { width: boxWidth - 16 })
    .fontSize(10)
    .text(t("fulfil:slip.coldChainShipBy", { time: formatDateTime(parcel.shipBy, locale) }), { width: boxWidth - 16 });
  doc.fillColor("#000");
  doc.y = y + 46;
}

export async function packingSlipsPdf(input: SlipInput): Promise<Buffer> {
  const font = cjkFont();
  const t = translator(input.locale);
  const en = input.locale === "en";
  const links = await orderLinks(input.parcels, input.origin);
  const orderUrl = (parcel: Parcel) => links.get(parcel.orderId) ?? `${input.origin}/orders/${parcel.orderId}`;
  const qrCodes = await Promise.all(
    input.parcels.map((parcel) =>
      QRCode.toBuffer(orderUrl(parcel), { margin: 1, width: 240, errorCorrectionLevel: "M" }),
    ),
  );
  const doc = new PDFDocument({
    size: "A5",
    margin: MARGIN,
    autoFirstPage: false,
    info: {
      Title: t("fulfil:slip.title"),
      Author: "Cunbo",
      Subject: input.parcels.map((p) => p.order.number).join(" "),
    },
  });
  doc.registerFont("cjk", font.path, font.family);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  input.parcels.forEach((parcel, index) => {
    doc.addPage();
    const width = doc.page.width - MARGIN * 2;
    const { order } = parcel;
    doc.font("cjk").fontSize(10).fillColor("#57534e");
    doc.text(
      `${t("fulfil:slip.title")} · ${t("fulfil:slip.from")}: ${en ? input.workshop.nameEn : input.workshop.nameZh}`,
      MARGIN,
      MARGIN,
      {
        width: width - 100,
      },
    );
    doc
      .fillColor("#000")
      .fontSize(9)
      .text(t("fulfil:slip.order"), { width: width - 100 });
    doc.fontSize(20).text(order.number, { width: width - 100 });
    doc.fontSize(11).fillColor(parcel.overdue ? "#b91c1c" : "#000");
    doc.text(`${t("fulfil:slip.shipBy")}: ${formatDateTime(parcel.shipBy, input.locale)}`, { width: width - 100 });
    if (parcel.order.lines.some((line) => line.product.perishable)) coldChainMark(doc, t, parcel, input.locale, width);
    const headerBottom = doc.y;
    const qrSize = 92;
    const qrX = doc.page.width - MARGIN - qrSize;
    doc.image(qrCodes[index], qrX, MARGIN, { width: qrSize, height: qrSize });
    doc.link(qrX, MARGIN, qrSize, qrSize, orderUrl(parcel));
    doc
      .fillColor("#57534e")
      .fontSize(7)
      .text(t("fulfil:slip.scan"), qrX, MARGIN + qrSize + 2, { width: qrSize, align: "center" });

    doc
      .fillColor("#000")
      .fontSize(9)
      .text(t("fulfil:slip.recipient"), MARGIN, Math.max(MARGIN + qrSize + 24, headerBottom + 12));
    doc.fontSize(13).text(`${order.contactName}  ${order.phone}`, { width });
    doc.fontSize(11).text(`${order.province}${order.city}${order.district}${order.street}`, { width });
    doc.moveDown(0.6);
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .strokeColor("#a8a29e")
      .stroke();
    doc.moveDown(0.4);

    doc
      .fontSize(9)
      .fillColor("#57534e")
      .text(`${t("fulfil:slip.items")}`, MARGIN, doc.y, { continued: false });
    for (const line of order.lines) {
      const title = en ? `${line.titleEn} · ${line.variantNameEn}` : `${line.titleZh} · ${line.variantNameZh}`;
      const y = doc.y + 4;
      doc
        .fillColor("#000")
        .fontSize(12)
        .text(title, MARGIN, y, { width: width - 60 });
      const after = doc.y;
      doc.fontSize(14).text(`× ${line.quantity}`, MARGIN + width - 56, y, { width: 56, align: "right" });
      doc.y = Math.max(after, doc.y);
      if (line.customisationNote) {
        doc
          .fontSize(10)
          .fillColor("#92400e")
          .text(`${t("fulfil:slip.note")}: ${line.customisationNote}`, MARGIN + 12, doc.y + 2, {
            width: width - 12,
          });
      }
    }
    doc.fillColor("#78716c").fontSize(8);
    doc.text(
      `${t("fulfil:slip.page", { page: index + 1, pages: input.parcels.length })} · ${en ? input.workshop.shipFromEn : input.workshop.shipFromZh}`,
      MARGIN,
      doc.page.height - MARGIN - 12,
      { width, align: "center", lineBreak: false },
    );
  });
  doc.end();
  return done;
}
