// The lean coupon-claim endpoint the live room's coupon card posts to (Accept: application/json), answered ahead of
// Express and Remix like the buy-now endpoint: when the host pins a coupon the whole room taps at once, and every
// layer in front of the claim would cost more than the claim does. A plain form post goes on to the Remix route.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServerApi } from "./app-build.ts";

function send(res: ServerResponse, status: number, body: object) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(text);
}

/** The coupon id when this request is a coupon card's JSON claim, else null (Remix answers it). */
export function couponClaimOf(app: ServerApi, req: IncomingMessage): string | null {
  if (req.method !== "POST" || !(req.headers.accept ?? "").includes("application/json")) return null;
  return app.COUPON_CLAIM_PATH.exec(req.url ?? "")?.[1] ?? null;
}

export function couponClaimHandler(app: ServerApi) {
  return async (req: IncomingMessage, res: ServerResponse, couponId: string) => {
    try {
      // The body (only a redirectTo for the no-JavaScript path) is not needed here.
      req.resume();
      // Only the session's user id is needed (one query), not the whole viewer.
      const { status, reply } = await app.claimAnswer(couponId, async () => {
        const userId: unknown = (await app.sessionStorage.getSession(req.headers.cookie ?? null)).get("userId");
        return typeof userId === "string" ? userId : null;
      });
      send(res, status, reply);
    } catch (error) {
      console.error("The coupon-claim endpoint failed:", error);
      if (!res.headersSent) send(res, 500, { ok: false, error: { key: "promotions:error.failed" } });
      else res.destroy();
    }
  };
}
