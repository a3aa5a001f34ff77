// Shows in lists: a card with the cover (live shows) and a compact row with the time (coming up, replays).
// A live show's card opens the live room at once; others open the show's page.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import type { ShowCard as ShowCardData } from "~/domain/live/show-schedule.server";
import { ShowStatusBadge } from "./badge";
import { RemindButton } from "./notices/remind-button";
import { useShanghaiDates } from "./show-time";

export function showHref(show: Pick<ShowCardData, "id" | "status">) {
  return show.status === "live" ? `/live/${show.id}` : `/shows/${show.id}`;
}

function useWhenLine(show: ShowCardData, now: Date | string) {
  const { t } = useTranslation("store");
  const { dayTime } = useShanghaiDates(now);
  if (show.status === "live") return t("show.startedAt", { when: dayTime(show.startedAt ?? show.scheduledAt) });
  if (show.status === "ended") return t("show.endedAt", { when: dayTime(show.endedAt ?? show.scheduledAt) });
  return t("show.startsAt", { when: dayTime(show.scheduledAt) });
}

function HostAvatar({ show, size }: { show: ShowCardData; size: number }) {
  const { t } = useTranslation("store");
  if (!show.hostAvatar) return null;
  return (
    <img
      src={show.hostAvatar}
      alt={t("show.avatarAlt", { name: show.hostName })}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      className="shrink-0 rounded-full bg-stone-100 object-cover ring-1 ring-stone-200"
      style={{ width: size, height: size }}
    />
  );
}

export function ShowCard({ show, now, eager = false }: { show: ShowCardData; now: Date | string; eager?: boolean }) {
  const { t } = useTranslation("store");
  const when = useWhenLine(show, now);
  return (
    <Link
      to={showHref(show)}
      className="group block h-full overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-stone-200 transition hover:ring-brand-600"
    >
      <div className="relative aspect-video bg-stone-200">
        {show.coverImage ? (
          <img
            src={show.coverImage}
            alt={t("show.coverAlt", { title: show.title })}
            width={640}
            height={360}
            loading={eager ? "eager" : "lazy"}
            decoding="async"
            className="h-full w-full object-cover"
          />
        ) : null}
        <ShowStatusBadge status={show.status} className="absolute left-2 top-2 px-2.5 py-1 text-sm" />
      </div>
      <div className="flex gap-3 p-3">
        <HostAvatar show={show} size={40} />
        <div className="min-w-0">
          <h3 className="line-clamp-2 font-medium leading-snug group-hover:text-brand-700" data-as-written>
            {show.title}
          </h3>
          <p className="mt-1 truncate text-sm text-stone-600">
            {show.hostName} · {show.hostVillage}
          </p>
          <p className="text-sm text-stone-600">
            {when} · {t("show.items", { count: show.itemCount })}
          </p>
        </div>
      </div>
    </Link>
  );
}

export function ShowRow({ show, now }: { show: ShowCardData; now: Date | string }) {
  const { t } = useTranslation("store");
  const { day, time } = useShanghaiDates(now);
  const at =
    show.status === "ended"
      ? (show.endedAt ?? show.scheduledAt)
      : show.status === "live"
        ? (show.startedAt ?? show.scheduledAt)
        : show.scheduledAt;
  return (
    <Link
      to={showHref(show)}
      className="group flex min-h-20 items-center gap-3 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-stone-200 transition hover:ring-brand-600"
    >
      <time dateTime={new Date(at).toISOString()} className="w-20 shrink-0 text-center">
        <span className="block whitespace-nowrap text-xs text-stone-600">{day(at, { short: true })}</span>
        <span className="block text-xl font-semibold tabular-nums text-stone-900">{time(at)}</span>
      </time>
      <div className="min-w-0 flex-1 border-l border-stone-200 pl-3">
        <div className="flex items-center gap-2">
          {show.status === "live" ? <ShowStatusBadge status={show.status} /> : null}
          <h3 className="line-clamp-2 text-sm font-medium leading-snug group-hover:text-brand-700" data-as-written>
            {show.title}
          </h3>
        </div>
        <p className="mt-1 flex items-center gap-2 text-xs text-stone-600">
          <HostAvatar show={show} size={20} />
          <span className="truncate">
            {show.hostName} · {t("show.items", { count: show.itemCount })}
          </span>
        </p>
      </div>
    </Link>
  );
}

/**
 * Shows as rows in a grid: one column on a phone, up to three on a desktop. With `remind`, a scheduled show's row
 * carries "remind me" beside it (not inside its link).
 */
export function ShowRows({
  shows,
  now,
  remind,
}: {
  shows: ShowCardData[];
  now: Date | string;
  remind?: { reminded: string[]; redirectTo: string };
}) {
  return (
    <ul className="grid grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3">
      {shows.map((show) => (
        <li key={show.id} className={remind && show.status === "scheduled" ? "flex items-center gap-2" : undefined}>
          {remind && show.status === "scheduled" ? (
            <>
              <div className="min-w-0 flex-1">
                <ShowRow show={show} now={now} />
              </div>
              <RemindButton
                showId={show.id}
                reminded={remind.reminded.includes(show.id)}
                redirectTo={remind.redirectTo}
                compact
              />
            </>
          ) : (
            <ShowRow show={show} now={now} />
          )}
        </li>
      ))}
    </ul>
  );
}
