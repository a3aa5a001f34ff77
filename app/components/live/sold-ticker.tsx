// "A shopper in Hangzhou just bought 2 …": the latest sale, for a few seconds. City and quantity only.
import { useEffect, useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import type { SaleLine } from "~/domain/live/live-state";
import { usePick } from "./use-pick";

const SHOW_MS = 6000;
const RECENT_MS = 10 * 60_000;

export function SoldTicker({ sales, now }: { sales: SaleLine[]; now: number }) {
  const { t } = useTranslation("live");
  const { pick } = usePick();
  const latest = sales[0];
  const [shownId, setShownId] = useState<string | null>(null);
  useEffect(() => {
    if (!latest) return;
    const timer = setTimeout(() => setShownId(latest.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [latest]);
  const visible = latest && latest.id !== shownId && now - Date.parse(latest.at) < RECENT_MS;
  return (
    <div aria-live="polite" className="min-h-7" data-testid="sold-ticker">
      {visible ? (
        <p className="w-fit max-w-full truncate rounded-full bg-amber-400/95 px-3 py-1 text-xs font-medium text-stone-900">
          {t("ticker.sold", {
            city: pick(latest.city, latest.cityEn) || t("ticker.somewhere"),
            count: latest.quantity,
            title: pick(latest.titleZh, latest.titleEn),
          })}
        </p>
      ) : null}
    </div>
  );
}
