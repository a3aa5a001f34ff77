// A shopper claims a coupon with one tap (the live room's coupon card): JSON for the card's fetcher, a redirect
// back to the room for a plain form post. Signed-out visitors are sent to log in first; every refusal is a 4xx.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { claimCoupon } from "~/domain/promotions/coupon-claims.server";
import { getUserId, safeRedirect } from "~/web/auth.server";
import { domainErrorReply } from "~/web/domain-error-answer.server";
import { readForm } from "~/web/read-form.server";

export type ClaimReply =
  | { ok: true; remaining: number; expiresAt: string }
  | { ok: false; error: { key: string; values?: Record<string, string | number> } };

export async function loader() {
  return new Response("Claim a coupon with a POST", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const couponId = String(params.couponId ?? "").slice(0, 64);
  const form = await readForm(request);
  const back = safeRedirect(form.get("redirectTo"), "/");
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  const userId = await getUserId(request);
  if (!userId) {
    if (wantsJson) return Response.json({ ok: false, error: { key: "promotions:error.logIn" } }, { status: 401 });
    return redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  try {
    const claimed = await claimCoupon(couponId, userId);
    if (!wantsJson) return redirect(back);
    const reply: ClaimReply = { ok: true, remaining: claimed.remaining, expiresAt: claimed.expiresAt.toISOString() };
    return Response.json(reply);
  } catch (error) {
    if (!wantsJson) {
      // Without JavaScript the room shows why, from the query it comes back with.
      const refusal = (error as { messageKey?: string }).messageKey;
      if (!refusal) throw error;
      const url = new URL(back, "http://x");
      url.searchParams.set("couponRefused", refusal.replace("promotions:error.", ""));
      return redirect(`${url.pathname}${url.search}`);
    }
    return domainErrorReply(error, request, ({ key, values }): ClaimReply => ({ ok: false, error: { key, values } }));
  }
}
