// An ended show's pin timeline as shoppable moments: choosing one seeks the recording and shows that product.
import { useTranslation } from "~/lib/i18n-react";
import type { ProductCard } from "~/domain/live/live-state";
import { formatDuration } from "~/lib/shanghai-time";
import { usePick } from "./use-pick";

/** `recordingUrl`: the recording the moment lies in, when the broadcast was recorded (null: the replay's video). */
export type Moment = { pinId: string; offsetSeconds: number; recordingUrl: string | null; card: ProductCard };

type Props = { moments: Moment[]; current: string | null; onChoose: (moment: Moment) => void };

export function ReplayMoments({ moments, current, onChoose }: Props) {
  const { t } = useTranslation("live");
  const { pick } = usePick();
  if (!moments.length) return <p className="text-sm text-white/90">{t("replay.noMoments")}</p>;
  return (
    <ol className="flex gap-2 overflow-x-auto pb-1" aria-label={t("replay.moments")}>
      {moments.map((moment) => (
        <li key={moment.pinId} className="flex-none">
          <button
            type="button"
            onClick={() => onChoose(moment)}
            aria-pressed={current === moment.pinId}
            className="flex w-28 flex-col items-start gap-0.5 rounded-xl border border-stone-200 bg-white/95 p-1.5 text-left aria-pressed:border-brand-600 aria-pressed:ring-2 aria-pressed:ring-brand-600"
          >
            {moment.card.image ? (
              <img src={moment.card.image} alt="" className="h-12 w-full rounded-lg bg-stone-100 object-cover" />
            ) : null}
            <span className="font-mono text-xs text-brand-700">{formatDuration(moment.offsetSeconds)}</span>
            <span className="line-clamp-1 text-xs">{pick(moment.card.titleZh, moment.card.titleEn)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
