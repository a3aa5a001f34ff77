// Which host a line counts for (their commission): read alongside the prices when an order is placed.
import { db } from "~/lib/db.server";
import type { PricingItem } from "./pricing.server";

export type Attribution = {
  showId: string | null;
  pinId: string | null;
  hostId: string | null;
  hostCommissionBp: number;
};
type ShowFacts = {
  ord: number;
  showId: string;
  hostId: string;
  hostStatus: string;
  commissionRateBp: number;
  carries: boolean;
  pinId: string | null;
};

/**
 * A line counts for a host only when it came from their approved show that carries (or pinned) the product;
 * a flash deal's own show counts. Read alongside the prices, in one query.
 */
export async function resolveAttribution(items: PricingItem[]): Promise<Attribution[]> {
  const wanted = items.flatMap((item, ord) =>
    item.showId || item.flashDealId
      ? [
          {
            ord,
            variant_id: item.variantId,
            deal_id: item.flashDealId ?? null,
            show_id: item.showId ?? null,
            pin_id: item.pinId ?? null,
          },
        ]
      : [],
  );
  const facts = wanted.length
    ? await db.$queryRaw<ShowFacts[]>`
        SELECT i.ord, s."id" AS "showId", h."id" AS "hostId", h."status"::text AS "hostStatus", h."commissionRateBp",
          EXISTS (SELECT 1 FROM "ShowItem" si WHERE si."showId" = s."id" AND si."productId" = v."productId") AS carries,
          (SELECT pin."id" FROM "Pin" pin WHERE pin."id" = i.pin_id AND pin."showId" = s."id" AND pin."productId" = v."productId") AS "pinId"
        FROM jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS i(ord int, variant_id text, deal_id text, show_id text, pin_id text)
        JOIN "Variant" v ON v."id" = i.variant_id
        LEFT JOIN "FlashDeal" d ON d."id" = i.deal_id AND d."variantId" = v."id"
        JOIN "Show" s ON s."id" = COALESCE(d."showId", i.show_id)
        JOIN "Host" h ON h."id" = s."hostId"`
    : [];
  return items.map((_, ord) => {
    const fact = facts.find((f) => f.ord === ord);
    if (!fact || !(fact.carries || fact.pinId) || fact.hostStatus !== "approved") {
      return { showId: null, pinId: null, hostId: null, hostCommissionBp: 0 };
    }
    return { showId: fact.showId, pinId: fact.pinId, hostId: fact.hostId, hostCommissionBp: fact.commissionRateBp };
  });
}
