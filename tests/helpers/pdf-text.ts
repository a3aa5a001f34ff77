// Reads the text back out of a PDF that pdfkit wrote (compressed streams, embedded fonts with ToUnicode maps), so
// tests can check what a packing slip says without a PDF library. Only what pdfkit emits is understood.
import { inflateSync } from "node:zlib";

type PdfObject = { dict: string; stream: Buffer | null };

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const found = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const body = match[2];
    const streamAt = body.indexOf("stream");
    if (streamAt === -1) {
      found.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let start = streamAt + "stream".length;
    if (body[start] === "\r") start++;
    if (body[start] === "\n") start++;
    const end = body.lastIndexOf("endstream");
    let raw = Buffer.from(body.slice(start, end), "latin1");
    if (/\/FlateDecode/.test(dict)) raw = inflateSync(raw);
    found.set(Number(match[1]), { dict, stream: raw });
  }
  return found;
}

function hexToUnicode(hex: string): string {
  let out = "";
  for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** Glyph code (hex) → text, from a ToUnicode CMap as pdfkit writes it (bfrange with arrays, or bfchar). */
function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [, from, , list] of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const base = parseInt(from, 16);
    [...list.matchAll(/<([0-9a-f]+)>/gi)].forEach(([, hex], i) => {
      map.set((base + i).toString(16).padStart(from.length, "0").toLowerCase(), hexToUnicode(hex));
    });
  }
  for (const [, code, hex] of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*$/gim))
    map.set(code.toLowerCase(), hexToUnicode(hex));
  return map;
}

export type PdfPage = { text: string };

/** The text of each page, in drawing order; pieces of one line are joined, lines separated by "\n". */
export function pdfPages(pdf: Buffer): PdfPage[] {
  const all = objects(pdf);
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const pages = [...all.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
  return pages.map((page) => {
    const resources = all.get(ref(page.dict, "Resources"))?.dict ?? page.dict;
    const fontsDict = /\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? "";
    const fonts = new Map<string, Map<string, string> | null>();
    for (const [, name, id] of fontsDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const font = all.get(Number(id));
      const toUnicode = font ? all.get(ref(font.dict, "ToUnicode"))?.stream : undefined;
      fonts.set(name, toUnicode ? parseCMap(toUnicode.toString("latin1")) : null);
    }
    const content = all.get(ref(page.dict, "Contents"))?.stream?.toString("latin1") ?? "";
    let font: Map<string, string> | null = null;
    const lines: string[] = [];
    for (const [, fontName, shown] of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (fontName) {
        font = fonts.get(fontName) ?? null;
        continue;
      }
      const pieces = [...shown.matchAll(/<([0-9a-f]*)>/gi)].map(([, hex]) => {
        if (!font) return Buffer.from(hex, "hex").toString("latin1");
        let out = "";
        for (let i = 0; i < hex.length; i += 4) out += font.get(hex.slice(i, i + 4).toLowerCase()) ?? "";
        return out;
      });
      lines.push(pieces.join(""));
    }
    return { text: lines.join("\n") };
  });
}
