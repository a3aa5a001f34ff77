// The notice Chinese platforms show on alcoholic drinks (rice wine): minors may not drink or buy it. One look
// everywhere it appears: the product page, the pinned card over a stream, and each line of the cart and checkout.
import { useTranslation } from "~/lib/i18n-react";

export function AlcoholNotice({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <p
      data-testid="alcohol-notice"
      className={`inline-flex items-center gap-1.5 rounded-md border border-red-700 font-medium text-red-800 ${compact ? "px-1.5 py-0.5 text-xs" : "px-2.5 py-1.5 text-sm"}`}
    >
      <span aria-hidden="true" className="rounded-sm bg-red-700 px-1 text-[0.7em] leading-tight font-bold text-white">
        18+
      </span>
      {compact ? t("alcohol.notice") : `${t("alcohol.notice")} · ${t("alcohol.detail")}`}
    </p>
  );
}
