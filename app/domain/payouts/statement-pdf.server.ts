// A statement as a PDF (pdfkit, with the CJK font the packing slips use): the balances, then every entry.
import PDFDocument from "pdfkit";
import type { Locale } from "~/lib/i18n";
import { translator } from "~/lib/locale.server";
import { formatMoney } from "~/lib/money";
import { formatDate, formatDateTime } from "~/lib/shanghai-time";
import { cjkFont } from "../fulfilment/packing-slips.server";
import type { StatementDetail } from "./statements.server";

const MARGIN = 40;

export async function statementPdf(detail: StatementDetail, locale: Locale): Promise<Buffer> {
  const font = cjkFont();
  const t = translator(locale);
  const s = detail.statement;
  const money = (fen: number) => formatMoney(fen, locale);
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: t("payouts:statement.title"), Author: "Cunbo" },
  });
  doc.registerFont("cjk", font.path, font.family);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - MARGIN * 2;
  doc.font("cjk").fontSize(18).text(t("payouts:statement.title"));
  doc.fontSize(12).text(s.payee.displayName);
  doc
    .fontSize(10)
    .fillColor("#57534e")
    .text(
      t("payouts:statement.period", { from: formatDate(s.periodFrom, locale), to: formatDate(s.periodTo, locale) }),
    );
  doc.moveDown();
  const summary: [string, number][] = [
    [t("payouts:statement.opening"), s.openingFen],
    [t("payouts:statement.entries"), s.entriesFen],
    [t("payouts:statement.deductions"), s.deductionsFen],
    [t("payouts:statement.payout"), s.payoutFen],
    [t("payouts:statement.closing"), s.closingFen],
  ];
  doc.fillColor("#000").fontSize(11);
  for (const [label, fen] of summary) {
    const y = doc.y;
    doc.text(label, MARGIN, y, { width: width - 140 });
    doc.text(money(fen), MARGIN + width - 140, y, { width: 140, align: "right" });
  }
  doc.moveDown();
  doc
    .fontSize(9)
    .fillColor("#57534e")
    .text(t("payouts:statement.entryCount", { count: detail.entryCount }), MARGIN);
  doc.fillColor("#000");
  for (const e of detail.entries) {
    if (doc.y > doc.page.height - MARGIN - 20) doc.addPage();
    const y = doc.y + 2;
    const label = `${e.number} · ${locale === "en" ? e.titleEn : e.titleZh}${e.deduction ? ` · ${t("payouts:statement.deductionMark")}` : ""}`;
    doc.fontSize(9).text(label, MARGIN, y, { width: width - 230, lineBreak: false, ellipsis: true });
    doc.text(formatDateTime(e.at, locale), MARGIN + width - 230, y, { width: 120, lineBreak: false });
    doc.text(money(e.amountFen), MARGIN + width - 100, y, { width: 100, align: "right", lineBreak: false });
    doc.y = y + 13;
  }
  doc.end();
  return done;
}
