// The buy-now quote the live room's one-tap sheet reads before the tap: the server's price of one item with its
// shipping, and the fingerprint the order then carries. JSON only; a bad item is a 400, an unknown one a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { priceItems } from "~/domain/checkout/pricing.server";
import { getUserId } from "~/web/auth.server";
import type { Quote } from "~/domain/checkout/quote-client";
import { DomainError } from "~/domain/errors.server";
import { buyNowItem } from "~/web/checkout-submission.server";
import { domainMessage } from "~/web/checkout-request.server";

const NO_STORE = { "Cache-Control": "no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  const item = buyNowItem(new URL(request.url).searchParams);
  if (!item || item === "invalid") return Response.json({ error: "Name one variant and a quantity" }, { status: 400 });
  try {
    // The shopper's best coupon applies, as it will when the order is placed.
    const priced = await priceItems([item], new Date(), { userId: await getUserId(request) });
    const answer: Quote = {
      totalFen: priced.totalFen,
      discountFen: priced.discountFen,
      shippingFen: priced.shippingFen,
      quote: priced.quote,
      problem: priced.lines[0]?.problem ?? null,
    };
    return Response.json(answer, { headers: NO_STORE });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return Response.json({ error: await domainMessage(request, error) }, { status: 404, headers: NO_STORE });
  }
}
