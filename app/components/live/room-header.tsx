// The strip over the top of the stream: back, who is hosting, what the show is, live / upcoming / replay, how many
// people are watching, follow the host, "remind me" while the show is still to come, and share.
import { useTranslation } from "~/lib/i18n-react";
import { Link } from "@remix-run/react";
import type { LiveState } from "~/domain/live/live-state";
import { FollowButton } from "../notices/follow-button";
import { RemindButton } from "../notices/remind-button";
import { ShareLink } from "./share-link";
import type { Connection } from "./use-live-room";
import { usePick } from "./use-pick";

export function StatusPill({ status }: { status: LiveState["status"] }) {
  const { t } = useTranslation("live");
  const style = { live: "bg-red-600 text-white", scheduled: "bg-sky-700 text-white", ended: "bg-stone-600 text-white" }[
    status
  ];
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${style}`}>{t(`status.${status}`)}</span>;
}

export function ViewerCount({ count }: { count: number }) {
  const { t, i18n } = useTranslation("live");
  return (
    <span
      className="inline-flex items-center gap-1 rounded-full bg-black/40 px-2 py-0.5 text-xs text-white"
      data-testid="viewer-count"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-3.5 w-3.5 fill-current">
        <path d="M12 5c-5 0-9 4.5-10 7 1 2.5 5 7 10 7s9-4.5 10-7c-1-2.5-5-7-10-7Zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8Z" />
      </svg>
      {t("viewers.count", { count, formatted: count.toLocaleString(i18n.language) })}
    </span>
  );
}

/** Who watches, as far as the header needs: following the host, and a reminder for this show. */
export type RoomAudience = { hostId: string; following: boolean; reminded: boolean };

/** The room's own header over the stream (the site's is left out): back home, the host and show, follow, share. */
export function RoomHeader({
  state,
  connection,
  href,
  audience,
}: {
  state: LiveState;
  connection: Connection;
  href: string;
  audience?: RoomAudience;
}) {
  const { t } = useTranslation("live");
  const { pick } = usePick();
  const hostName = pick(state.host.nameZh, state.host.nameEn);
  return (
    <header className="flex items-start gap-2">
      <Link
        to="/"
        className="flex h-11 w-8 flex-none items-center justify-center rounded-full text-white"
        aria-label={t("room.back")}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 fill-none stroke-current stroke-2">
          <path d="M15 5l-7 7 7 7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </Link>
      {state.host.avatar ? (
        <img
          src={state.host.avatar}
          alt=""
          className="h-10 w-10 flex-none rounded-full border-2 border-white/80 bg-white"
        />
      ) : null}
      <div className="min-w-0 flex-1 text-white">
        {/* A div, not a p: the follow form cannot sit inside a paragraph. */}
        <div className="flex items-center gap-2">
          <p className="truncate text-sm font-semibold">{hostName}</p>
          {audience ? (
            <FollowButton
              target={{ hostId: audience.hostId }}
              following={audience.following}
              name={hostName}
              redirectTo={href}
              tone="dark"
            />
          ) : null}
        </div>
        <h1 className="line-clamp-1 text-xs text-white/90" data-as-written>
          {state.title}
        </h1>
        {audience && state.status === "scheduled" ? (
          <div className="mt-1">
            <RemindButton showId={state.showId} reminded={audience.reminded} redirectTo={href} tone="dark" compact />
          </div>
        ) : null}
      </div>
      <div className="flex flex-none flex-col items-end gap-1">
        <StatusPill status={state.status} />
        {state.status === "live" ? <ViewerCount count={state.viewers} /> : null}
        {connection === "offline" ? (
          <span role="status" className="rounded-full bg-amber-500 px-2 py-0.5 text-xs text-stone-900">
            {t("connection.offline")}
          </span>
        ) : null}
      </div>
      <ShareLink href={href} title={state.title} />
    </header>
  );
}
