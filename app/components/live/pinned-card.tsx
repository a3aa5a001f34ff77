// The product card over the stream: price (with the 共富价 premium spelled out), stock left, any flash deal with
// its countdown, and buy-now / add-to-cart. Without JavaScript the buttons post the card's variant to /cart.
import { useTranslation } from "~/lib/i18n-react";
import { effectivePrice, type CardVariant, type DealView, type ProductCard } from "~/domain/live/live-state";
import { linePremiumFen } from "~/domain/ledger/allocation";
import { AlcoholNotice } from "~/components/alcohol-notice";
import { formatMoney } from "~/lib/money";
import { Countdown } from "./countdown";
import { usePick } from "./use-pick";

export type BuyMode = "buy" | "cart";
export type Attribution = { showId: string; pinId: string | null };

export function defaultVariant(card: ProductCard, preferred: string | null, deal: DealView | null): CardVariant {
  const byId = (id: string | null | undefined) => card.variants.find((v) => v.id === id);
  return byId(preferred) ?? byId(deal?.variantId) ?? card.variants.find((v) => v.stock > 0) ?? card.variants[0];
}

export function StockNote({ stock, preorder }: { stock: number; preorder: boolean }) {
  const { t } = useTranslation("live");
  if (preorder) return <span className="text-sky-700">{t("card.preorder")}</span>;
  if (stock <= 0) return <span className="text-stone-500">{t("card.soldOut")}</span>;
  if (stock <= 10) return <span className="font-medium text-red-700">{t("card.fewLeft", { count: stock })}</span>;
  return <span className="text-stone-600">{t("card.stock", { count: stock })}</span>;
}

type Props = {
  card: ProductCard;
  preferredVariantId: string | null;
  deal: DealView | null;
  now: number;
  attribution: Attribution;
  redirectTo: string;
  onBuy?: (mode: BuyMode) => void;
  label?: string;
};

export function PinnedCard({ card, preferredVariantId, deal, now, attribution, redirectTo, onBuy, label }: Props) {
  const { t } = useTranslation("live");
  const { pick, locale } = usePick();
  const dealHere = deal && card.variants.some((v) => v.id === deal.variantId) ? deal : null;
  const variant = defaultVariant(card, preferredVariantId, dealHere);
  const price = effectivePrice(variant, dealHere, now);
  const premiumFen = linePremiumFen({ unitPriceFen: price.priceFen, quantity: 1, premiumRateBp: card.premiumRateBp });
  const soldOut = variant.stock <= 0 && !card.preorder;
  const click = (mode: BuyMode) => (event: React.MouseEvent) => {
    if (!onBuy) return;
    event.preventDefault();
    onBuy(mode);
  };
  return (
    <article
      aria-label={label ?? t("card.label")}
      data-testid="pinned-card"
      className="rounded-2xl bg-white/95 p-2.5 text-stone-900 shadow-lg ring-1 ring-black/5"
    >
      {dealHere ? (
        <p className="-mx-2.5 -mt-2.5 mb-2 flex items-center justify-between rounded-t-2xl bg-red-600 px-3 py-1 text-xs font-medium text-white">
          <span>{t("deal.badge", { count: dealHere.remaining })}</span>
          <span>
            {t("deal.endsIn")} <Countdown endsAt={dealHere.endsAt} now={now} label={t("deal.timeLeft")} />
          </span>
        </p>
      ) : null}
      <div className="flex gap-2.5">
        {card.image ? (
          <img src={card.image} alt="" className="h-20 w-20 flex-none rounded-xl bg-stone-100 object-cover" />
        ) : null}
        <div className="min-w-0 flex-1">
          <h2 className="line-clamp-2 text-sm leading-snug font-semibold">{pick(card.titleZh, card.titleEn)}</h2>
          <p className="truncate text-xs text-stone-600">
            {pick(card.workshopZh, card.workshopEn)}
            {card.reviewCount > 0 ? (
              <span data-testid="card-rating">
                {" · "}
                {t("card.rating", {
                  average: (Math.round((card.reviewStarsSum * 10) / card.reviewCount) / 10).toFixed(1),
                  count: card.reviewCount,
                })}
              </span>
            ) : null}
          </p>
          <p className="mt-0.5 flex flex-wrap items-baseline gap-x-2">
            <span
              className={`text-lg font-bold ${price.deal ? "text-red-600" : "text-brand-700"}`}
              data-testid="card-price"
            >
              {formatMoney(price.priceFen, locale)}
            </span>
            {price.deal ? <s className="text-xs text-stone-500">{formatMoney(variant.priceFen, locale)}</s> : null}
            <span className="text-xs">
              <StockNote stock={variant.stock} preorder={card.preorder} />
            </span>
          </p>
          {premiumFen > 0 ? (
            <p className="text-xs text-leaf-700" data-testid="card-premium">
              {t("card.premium", { amount: formatMoney(premiumFen, locale) })}
            </p>
          ) : null}
          {card.alcohol ? <AlcoholNotice compact /> : null}
        </div>
      </div>
      <form method="post" action="/cart" className="mt-2 grid grid-cols-2 gap-2">
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="variantId" value={variant.id} />
        <input type="hidden" name="quantity" value="1" />
        <input type="hidden" name="showId" value={attribution.showId} />
        {attribution.pinId ? <input type="hidden" name="pinId" value={attribution.pinId} /> : null}
        {price.deal && dealHere ? <input type="hidden" name="flashDealId" value={dealHere.id} /> : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <button
          type="submit"
          onClick={click("cart")}
          disabled={soldOut}
          className="min-h-11 rounded-full border border-brand-600 px-3 text-sm font-medium text-brand-700 disabled:opacity-50"
        >
          {t("card.addToCart")}
        </button>
        <button
          type="submit"
          onClick={click("buy")}
          disabled={soldOut}
          className="min-h-11 rounded-full bg-brand-600 px-3 text-sm font-medium text-white disabled:opacity-50"
        >
          {soldOut ? t("card.soldOut") : t("card.buyNow")}
        </button>
      </form>
    </article>
  );
}
