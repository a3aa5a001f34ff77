// A share poster (PNG) for a show or a product, for village hosts to drop into WeChat groups: title, time, price
// and a QR code that opens the page. Drawn with @napi-rs/canvas (Skia) in the packing slips' CJK font.
import { existsSync } from "node:fs";
import { createCanvas, GlobalFonts, loadImage, type SKRSContext2D } from "@napi-rs/canvas";
import QRCode from "qrcode";
import { cjkFont } from "../fulfilment/packing-slips.server";

export type PosterInput = {
  brand: string;
  /** e.g. "直播预告" or "好物推荐". */
  badge: string;
  title: string;
  /** Shorter lines under the title: time, host or workshop, village. */
  lines: string[];
  /** Already formatted (formatMoney), or null. */
  price: string | null;
  url: string;
  caption: string;
  /** A local image file (the cover), drawn when it exists. */
  coverPath: string | null;
};

const WIDTH = 750;
const HEIGHT = 1200;
const FAMILY = "CunboPosterCJK";

function ensureFont() {
  if (!GlobalFonts.has(FAMILY)) {
    const font = cjkFont();
    GlobalFonts.registerFromPath(font.path, FAMILY);
  }
}

/** Breaks text into at most `maxLines` lines that fit `width` (by character: CJK has no spaces to break on). */
function wrap(ctx: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const char of Array.from(text)) {
    if (ctx.measureText(line + char).width > width && line) {
      lines.push(line);
      line = "";
      if (lines.length === maxLines) break;
    }
    line += char;
  }
  if (lines.length < maxLines && line) lines.push(line);
  else if (lines.length === maxLines && line) lines[maxLines - 1] = `${lines[maxLines - 1].slice(0, -1)}…`;
  return lines;
}

export async function renderPoster(input: PosterInput): Promise<Buffer> {
  ensureFont();
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff7ed";
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = "#c2410c";
  ctx.fillRect(0, 0, WIDTH, 110);
  ctx.fillStyle = "#ffffff";
  ctx.font = `bold 48px ${FAMILY}`;
  ctx.fillText(input.brand, 40, 72);
  ctx.font = `28px ${FAMILY}`;
  const badgeWidth = ctx.measureText(input.badge).width + 36;
  ctx.fillStyle = "#fde68a";
  ctx.beginPath();
  ctx.roundRect(WIDTH - 40 - badgeWidth, 32, badgeWidth, 48, 24);
  ctx.fill();
  ctx.fillStyle = "#7c2d12";
  ctx.fillText(input.badge, WIDTH - 40 - badgeWidth + 18, 66);

  let y = 140;
  if (input.coverPath && existsSync(input.coverPath)) {
    try {
      const cover = await loadImage(input.coverPath);
      const boxH = 420;
      const scale = Math.max((WIDTH - 80) / cover.width, boxH / cover.height);
      const w = cover.width * scale;
      const h = cover.height * scale;
      ctx.save();
      ctx.beginPath();
      ctx.roundRect(40, y, WIDTH - 80, boxH, 24);
      ctx.clip();
      ctx.drawImage(cover, 40 + (WIDTH - 80 - w) / 2, y + (boxH - h) / 2, w, h);
      ctx.restore();
      y += boxH + 40;
    } catch {
      // An unreadable cover leaves the poster without a picture rather than without a poster.
    }
  }

  ctx.fillStyle = "#1c1917";
  ctx.font = `bold 52px ${FAMILY}`;
  for (const line of wrap(ctx, input.title, WIDTH - 80, 3)) {
    y += 64;
    ctx.fillText(line, 40, y);
  }
  ctx.fillStyle = "#44403c";
  ctx.font = `32px ${FAMILY}`;
  for (const line of input.lines) {
    y += 52;
    ctx.fillText(wrap(ctx, line, WIDTH - 80, 1)[0] ?? "", 40, y);
  }
  if (input.price) {
    y += 90;
    ctx.fillStyle = "#c2410c";
    ctx.font = `bold 72px ${FAMILY}`;
    ctx.fillText(input.price, 40, y);
  }

  const qrSize = 240;
  const qr = await loadImage(await QRCode.toBuffer(input.url, { margin: 1, width: qrSize, errorCorrectionLevel: "M" }));
  const qrY = HEIGHT - qrSize - 60;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(WIDTH - qrSize - 60, qrY - 20, qrSize + 40, qrSize + 40);
  ctx.drawImage(qr, WIDTH - qrSize - 40, qrY, qrSize, qrSize);
  ctx.fillStyle = "#57534e";
  ctx.font = `30px ${FAMILY}`;
  const captionLines = wrap(ctx, input.caption, WIDTH - qrSize - 140, 3);
  captionLines.forEach((line, index) => ctx.fillText(line, 40, qrY + 80 + index * 44));
  return canvas.encode("png");
}
