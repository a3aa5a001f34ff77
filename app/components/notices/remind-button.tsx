// "Remind me" (预约) on a scheduled show: a plain form posting to /reminders (works without JavaScript), answered in
// place by a fetcher when the page runs.
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { useHydrated } from "./use-hydrated";

type Props = { showId: string; reminded: boolean; redirectTo: string; tone?: "light" | "dark"; compact?: boolean };

export function RemindButton({ showId, reminded, redirectTo, tone = "light", compact = false }: Props) {
  const { t } = useTranslation("notices");
  const fetcher = useFetcher<{ reminded?: boolean; error?: string | null }>();
  const hydrated = useHydrated();
  const pending = fetcher.formData?.get("intent");
  const now = pending ? pending === "remind" : (fetcher.data?.reminded ?? reminded);
  const style = now
    ? tone === "dark"
      ? "bg-white/20 text-white ring-1 ring-white/60"
      : "bg-stone-100 text-stone-800 ring-1 ring-stone-300"
    : "bg-sky-700 text-white hover:bg-sky-800";
  return (
    <fetcher.Form method="post" action="/reminders" className="inline">
      <input type="hidden" name="intent" value={now ? "cancel" : "remind"} />
      <input type="hidden" name="showId" value={showId} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <input type="hidden" name="answer" value={hydrated ? "data" : "page"} />
      <button
        type="submit"
        aria-pressed={now}
        data-testid="remind-button"
        className={`inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-full font-semibold ${compact ? "min-h-11 px-3 text-sm" : "min-h-12 px-6 text-base"} ${style}`}
      >
        {t(now ? "remind.reminded" : "remind.remind")}
        <span className="sr-only">{t(now ? "remind.cancelLong" : "remind.remindLong")}</span>
      </button>
      {fetcher.data?.error ? (
        <span role="alert" className="mt-1 block text-sm text-red-700">
          {fetcher.data.error}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
