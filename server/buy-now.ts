// The lean buy-now endpoint the live room's checkout sheet posts to, answered ahead of Express and Remix. A flash
// sale sends thousands of buyers in one instant; this answers them with the same checkout submission as the
// checkout page's action (app/web/checkout-submission.server.ts) without the layers in front of it (Express's
// router and middleware, a Web Request per call, route matching, single-fetch encoding), each of which costs more
// than answering "sold out" does. Answers JSON: `{ redirectTo }` (where to pay), or `{ reply }` (the form's
// errors) with its 4xx.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServerApi } from "./app-build.ts";

const FORM_TYPE = "application/x-www-form-urlencoded";
const MAX_BODY_BYTES = 16 * 1024;

function send(res: ServerResponse, status: number, body: object | string) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(text);
}

/** The body as text, or null when it is larger than a checkout form can be. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function origin(req: IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-proto"];
  const protocol = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0].trim() || "http";
  return `${protocol}://${req.headers.host}`;
}

export function buyNowHandler(app: ServerApi, options: { publicUrl?: string } = {}) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (!req.headers["content-type"]?.startsWith(FORM_TYPE)) {
        send(res, 415, `Send the checkout form as ${FORM_TYPE}.`);
        return;
      }
      const body = await readBody(req);
      if (body === null) {
        send(res, 413, "The form is larger than a checkout can be.");
        return;
      }
      const cookie = req.headers.cookie ?? null;
      const outcome = await app.submitCheckout(new URLSearchParams(body), {
        locale: await app.localeFromCookie(cookie),
        baseUrl: options.publicUrl ?? app.env().PUBLIC_URL ?? origin(req),
        userId: async () => (await app.viewerFromCookie(cookie))?.id ?? null,
      });
      if (outcome.kind === "redirect") send(res, 200, { redirectTo: outcome.url });
      else send(res, outcome.status, { reply: outcome.reply });
    } catch (error) {
      console.error("The buy-now endpoint failed:", error);
      if (!res.headersSent) send(res, 500, "Something went wrong on our side; nothing was charged.");
      else res.destroy();
    }
  };
}
