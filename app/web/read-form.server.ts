// The one way an action reads its posted form: only a form's content types, at most so many bytes, well-formed
// percent-encoded UTF-8, and fields within the bounds of form-field-limits.ts, checked before conform or any
// query sees them. Anything else is answered with a 4xx and a reason in the visitor's language, never a 500.
import { fieldsWithinLimits } from "../lib/form-field-limits";
import { getLocale, translator } from "../lib/locale.server";

const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";
/** Every text-only form fits (a product with 30 variants and long descriptions in both languages is ~100 KiB). */
export const MAX_FORM_BYTES = 256 * 1024;
// A body larger than its limit is read to the end and dropped, so the browser (still sending it) sees the
// answer instead of a reset connection; past this much the connection is closed instead.
const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;

export type Refusal = "type" | "tooLarge" | "malformed";
const STATUS: Record<Refusal, number> = { type: 415, tooLarge: 413, malformed: 400 };

export async function refuse(request: Request, reason: Refusal, headers?: HeadersInit): Promise<never> {
  const t = translator(await getLocale(request));
  throw new Response(t(`common:form.refused.${reason}`), { status: STATUS[reason], headers });
}

/** The body's bytes, or "tooLarge" (read to the end) / "closed" (too large to read to the end). */
async function readBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | "tooLarge" | "closed"> {
  const announced = Number(request.headers.get("Content-Length") ?? 0);
  if (announced > DISCARD_LIMIT_BYTES) return "closed";
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > DISCARD_LIMIT_BYTES) {
      await reader.cancel().catch(() => {});
      return "closed";
    }
    if (size <= maxBytes) chunks.push(value);
  }
  if (size > maxBytes) return "tooLarge";
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** `a=1&b=2` as pairs; throws on what no browser sends: invalid UTF-8, raw or percent-encoded, or a stray `%`. */
function urlencodedPairs(bytes: Uint8Array): [string, string][] {
  const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, " "));
  return utf8
    .decode(bytes)
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const equals = pair.indexOf("=");
      return equals < 0 ? [decode(pair), ""] : [decode(pair.slice(0, equals)), decode(pair.slice(equals + 1))];
    });
}

export type ReadFormOptions = {
  /** Raise for a form that carries a file (the show form's cover); text-only forms keep the default. */
  maxBytes?: number;
};

export async function readForm(request: Request, options: ReadFormOptions = {}): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== URLENCODED && type !== MULTIPART) return refuse(request, "type");
  const body = await readBody(request, options.maxBytes ?? MAX_FORM_BYTES);
  if (body === "closed") return refuse(request, "tooLarge", { Connection: "close" });
  if (body === "tooLarge") return refuse(request, "tooLarge");

  const form = new FormData();
  try {
    if (type === URLENCODED) {
      const pairs = urlencodedPairs(body);
      if (!fieldsWithinLimits(pairs)) return refuse(request, "malformed");
      for (const [name, value] of pairs) form.append(name, value);
      return form;
    }
    const parsed = await new Response(body, {
      headers: { "Content-Type": request.headers.get("Content-Type")! },
    }).formData();
    if (!fieldsWithinLimits(parsed)) return refuse(request, "malformed");
    return parsed;
  } catch (error) {
    if (error instanceof Response) throw error;
    // URIError or TypeError: not percent-encoded UTF-8, or not a multipart body.
    return refuse(request, "malformed");
  }
}
