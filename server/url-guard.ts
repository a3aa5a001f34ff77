// Refuses at the door any address no page of ours links to: a path or query that is not UTF-8 once
// percent-decoded, or that carries a NUL (which PostgreSQL can neither store nor compare, so a NUL in a route
// parameter or a search would reach a query and fail there). One check here covers every loader, action and
// static-file lookup behind it, which then never see such text.
import type { RequestHandler } from "express";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const HEX = /^[\da-f]{2}$/i;

/** Whether the text decodes to NUL-free UTF-8; a `%` not followed by two hex digits is refused in a path. */
function decodesCleanly(encoded: string, strict: boolean): boolean {
  const bytes = new Uint8Array(encoded.length);
  let size = 0;
  for (let i = 0; i < encoded.length; i++) {
    const code = encoded.charCodeAt(i);
    if (code === 0x25) {
      const hex = encoded.slice(i + 1, i + 3);
      if (HEX.test(hex)) {
        bytes[size++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
      // In a query a stray `%` is read as itself (as URLSearchParams does); a path is decoded strictly.
      if (strict) return false;
    }
    // Node hands over raw bytes of the request line as single characters.
    if (code > 0xff) return false;
    bytes[size++] = code;
  }
  const decoded = bytes.subarray(0, size);
  if (decoded.includes(0)) return false;
  try {
    utf8.decode(decoded);
    return true;
  } catch {
    return false;
  }
}

export function urlDecodesCleanly(url: string): boolean {
  const query = url.indexOf("?");
  const pathname = query < 0 ? url : url.slice(0, query);
  return decodesCleanly(pathname, true) && (query < 0 || decodesCleanly(url.slice(query + 1), false));
}

export const refuseMalformedUrls: RequestHandler = (req, res, next) => {
  if (urlDecodesCleanly(req.url)) return next();
  res
    .status(400)
    .type("text/plain")
    .set("Cache-Control", "no-store")
    .send("这个网址有误。· This address is malformed.");
};
