// The checkout's summary: every workshop's lines with the 共富价 premium in each, its shipping, and the totals.
import type { PricedCheckout } from "~/domain/checkout/pricing.server";
import { LineItem } from "./line-item";
import { Totals } from "./totals";
import { WorkshopGroup } from "./workshop-group";

export function CheckoutSummary({ priced }: { priced: PricedCheckout }) {
  return (
    <div className="space-y-3">
      {priced.groups.map((group) => (
        <WorkshopGroup key={group.workshopId} group={group}>
          {group.lines.map((line) => (
            <LineItem
              key={line.variantId}
              line={{ ...line, lineTotalFen: line.paidFen, isDeal: line.deal?.status === "active" }}
            />
          ))}
        </WorkshopGroup>
      ))}
      <Totals
        subtotalFen={priced.subtotalFen}
        shippingFen={priced.shippingFen}
        totalFen={priced.totalFen}
        premiumFen={priced.premiumFen}
        discountFen={priced.discountFen}
      />
    </div>
  );
}
