// The show's line-up: every product the host will sell, with its lowest price and a way to buy it.
import { useTranslation } from "~/lib/i18n-react";
import type { ProductCard } from "~/domain/live/live-state";
import { formatMoney } from "~/lib/money";
import { usePick } from "./use-pick";

type Props = {
  items: ProductCard[];
  pinnedProductId: string | null;
  showId: string;
  redirectTo: string;
  onChoose?: (card: ProductCard) => void;
};

/** Each item can be bought from here; without JavaScript its button posts the first variant in stock to /cart. */
export function LineUpList({ items, pinnedProductId, showId, redirectTo, onChoose }: Props) {
  const { t } = useTranslation("live");
  const { pick, locale } = usePick();
  return (
    <ol className="divide-y divide-stone-200">
      {items.map((card, index) => {
        const from = Math.min(...card.variants.map((v) => v.priceFen));
        const stock = card.variants.reduce((sum, v) => sum + v.stock, 0);
        const pinned = card.productId === pinnedProductId;
        return (
          <li key={card.productId} className="flex items-center gap-3 py-2.5">
            <span className="w-5 text-center text-sm text-stone-500">{index + 1}</span>
            {card.image ? (
              <img
                src={card.image}
                alt=""
                loading="lazy"
                className="h-14 w-14 flex-none rounded-lg bg-stone-100 object-cover"
              />
            ) : null}
            <div className="min-w-0 flex-1">
              <p className="line-clamp-2 text-sm font-medium">
                {pinned ? (
                  <span className="mr-1 rounded bg-red-600 px-1 text-xs text-white">{t("lineup.pinned")}</span>
                ) : null}
                {pick(card.titleZh, card.titleEn)}
              </p>
              <p className="text-sm">
                <span className="font-semibold text-brand-700">
                  {t("lineup.from", { price: formatMoney(from, locale) })}
                </span>{" "}
                <span className="text-xs text-stone-500">
                  {stock > 0 || card.preorder ? t("card.stock", { count: stock }) : t("card.soldOut")}
                </span>
              </p>
            </div>
            <form method="post" action="/cart" className="flex-none">
              <input type="hidden" name="intent" value="add" />
              <input
                type="hidden"
                name="variantId"
                value={(card.variants.find((v) => v.stock > 0) ?? card.variants[0]).id}
              />
              <input type="hidden" name="quantity" value="1" />
              <input type="hidden" name="showId" value={showId} />
              <input type="hidden" name="redirectTo" value={redirectTo} />
              <button
                type="submit"
                onClick={(event) => {
                  if (!onChoose) return;
                  event.preventDefault();
                  onChoose(card);
                }}
                disabled={stock <= 0 && !card.preorder}
                className="min-h-11 rounded-full bg-brand-600 px-4 text-sm font-medium text-white disabled:opacity-50"
                aria-label={`${t("lineup.buy")} ${pick(card.titleZh, card.titleEn)}`}
              >
                {t("lineup.buy")}
              </button>
            </form>
          </li>
        );
      })}
    </ol>
  );
}
