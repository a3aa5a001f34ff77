// A price in the visitor's language (¥12.80), and a range shown as "from ¥12.80".
import { useTranslation } from "~/lib/i18n-react";
import { formatMoney } from "~/lib/money";

export function Price({ fen, className }: { fen: number; className?: string }) {
  const { i18n } = useTranslation();
  return <span className={className}>{formatMoney(fen, i18n.language)}</span>;
}

export function PriceRange({ minFen, maxFen, className }: { minFen: number; maxFen: number; className?: string }) {
  const { t, i18n } = useTranslation("store");
  const min = formatMoney(minFen, i18n.language);
  return <span className={className}>{minFen === maxFen ? min : t("price.from", { price: min })}</span>;
}
