// The line-up on the host console: one big tap to pin an item (replacing the current pin) or take it down.
import { useTranslation } from "~/lib/i18n-react";
import { usePick } from "~/components/live/use-pick";
import type { ProductCard } from "~/domain/live/live-state";
import { formatMoney } from "~/lib/money";
import { buttonStyles, IntentButton } from "./intent-button";

type Props = { items: ProductCard[]; pinnedProductId: string | null; canPin: boolean };

export function LineUpControls({ items, pinnedProductId, canPin }: Props) {
  const { t } = useTranslation("live");
  const { pick, locale } = usePick();
  return (
    <ol className="divide-y divide-stone-200" data-testid="host-lineup">
      {items.map((card, index) => {
        const pinned = card.productId === pinnedProductId;
        const prices = card.variants.map((v) => v.priceFen);
        const stock = card.variants.reduce((sum, v) => sum + v.stock, 0);
        const title = pick(card.titleZh, card.titleEn);
        return (
          <li key={card.productId} className={`flex items-center gap-3 py-2 ${pinned ? "bg-red-50" : ""}`}>
            <span className="w-5 text-center text-sm text-stone-500">{index + 1}</span>
            {card.image ? (
              <img src={card.image} alt="" className="h-12 w-12 flex-none rounded-lg bg-stone-100 object-cover" />
            ) : null}
            <div className="min-w-0 flex-1">
              <p className="line-clamp-2 text-sm font-medium">{title}</p>
              <p className="text-xs text-stone-600">
                {formatMoney(Math.min(...prices), locale)} · {t("card.stock", { count: stock })}
              </p>
            </div>
            {pinned ? (
              <IntentButton
                intent="unpin"
                label={t("console.unpin")}
                ariaLabel={`${t("console.unpin")} ${title}`}
                className={buttonStyles.quiet}
              />
            ) : (
              <IntentButton
                intent="pin"
                fields={{ productId: card.productId }}
                label={t("console.pin")}
                ariaLabel={`${t("console.pin")} ${title}`}
                className={buttonStyles.primary}
                disabled={!canPin}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
