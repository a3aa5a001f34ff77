// The replays of shows that sold this workshop's goods: where its products were shown, to watch again or share.
import { useTranslation } from "~/lib/i18n-react";
import { formatDuration, formatShanghai } from "~/lib/shanghai-time";

export type StudioReplayRow = {
  showId: string;
  title: string;
  endedAt: string | null;
  hostNameZh: string;
  hostNameEn: string;
  durationMs: number;
};

export function StudioReplays({ replays }: { replays: StudioReplayRow[] }) {
  const { t, i18n } = useTranslation("dashboard");
  const en = i18n.language === "en";
  return (
    <section aria-labelledby="replays-title" className="mt-6">
      <h2 id="replays-title" className="text-lg font-semibold">
        {t("replays.title")}
      </h2>
      {replays.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{t("replays.empty")}</p>
      ) : (
        <ul className="mt-2 grid gap-2 sm:grid-cols-2">
          {replays.map((replay) => (
            <li key={replay.showId}>
              <a
                href={`/live/${replay.showId}`}
                className="flex min-h-11 flex-col rounded-xl border border-stone-200 bg-white p-3 hover:bg-stone-50"
              >
                <span className="font-medium text-stone-900" lang="zh-CN" data-as-written translate="no">
                  {replay.title}
                </span>
                <span className="text-sm text-stone-600">
                  {t("replays.meta", {
                    host: en ? replay.hostNameEn : replay.hostNameZh,
                    ended: replay.endedAt ? formatShanghai(replay.endedAt, i18n.language) : "",
                    duration: formatDuration(replay.durationMs / 1000),
                  })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
