// A shopper claims a coupon with one tap (the live room's coupon card). The card's JSON fetch is answered ahead of
// Express (server/coupon-claim.ts); this route answers a plain form post (no JavaScript) with a redirect back to the
// room, carrying a refusal's reason, or to log in first.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getUserId, safeRedirect } from "~/web/auth.server";
import { claimAnswer } from "~/web/coupon-claim-answer.server";
import { readForm } from "~/web/read-form.server";

export async function loader() {
  return new Response("Claim a coupon with a POST", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const couponId = String(params.couponId ?? "").slice(0, 64);
  const form = await readForm(request);
  const back = safeRedirect(form.get("redirectTo"), "/");
  const { status, reply } = await claimAnswer(couponId, () => getUserId(request));
  if ((request.headers.get("Accept") ?? "").includes("application/json")) return Response.json(reply, { status });
  if (status === 401) return redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  if (reply.ok) return redirect(back);
  const url = new URL(back, "http://cunbo.invalid");
  url.searchParams.set("couponRefused", reply.error.key.replace("promotions:error.", ""));
  return redirect(`${url.pathname}${url.search}`);
}
