// Follow / unfollow a host or a workshop: a plain form posting to /follows (works without JavaScript), answered in
// place by a fetcher when the page runs. No library: it sits in the live room, whose bundle stays small.
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { useHydrated } from "./use-hydrated";

type Props = {
  target: { hostId: string } | { workshopId: string };
  following: boolean;
  /** The host's or workshop's name, for the button's accessible name. */
  name: string;
  redirectTo: string;
  tone?: "light" | "dark";
};

export function FollowButton({ target, following, name, redirectTo, tone = "light" }: Props) {
  const { t } = useTranslation("notices");
  const fetcher = useFetcher<{ following?: boolean; error?: string | null }>();
  const hydrated = useHydrated();
  const pending = fetcher.formData?.get("intent");
  const now = pending ? pending === "follow" : (fetcher.data?.following ?? following);
  const isHost = "hostId" in target;
  const label = isHost
    ? t(now ? "follow.unfollowHost" : "follow.followHost", { name })
    : t(now ? "follow.unfollowWorkshop" : "follow.followWorkshop");
  const style =
    tone === "dark"
      ? now
        ? "bg-white/20 text-white ring-1 ring-white/60"
        : "bg-brand-600 text-white"
      : now
        ? "bg-stone-100 text-stone-800 ring-1 ring-stone-300"
        : "bg-brand-600 text-white hover:bg-brand-700";
  return (
    <fetcher.Form method="post" action="/follows" className="inline shrink-0">
      <input type="hidden" name="intent" value={now ? "unfollow" : "follow"} />
      {isHost ? (
        <input type="hidden" name="hostId" value={target.hostId} />
      ) : (
        <input type="hidden" name="workshopId" value={target.workshopId} />
      )}
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <input type="hidden" name="answer" value={hydrated ? "data" : "page"} />
      <button
        type="submit"
        aria-pressed={now}
        data-testid="follow-button"
        className={`inline-flex min-h-9 shrink-0 items-center whitespace-nowrap rounded-full px-3 text-sm font-semibold ${style}`}
      >
        {t(now ? "follow.following" : "follow.follow")}
        {/* The name starts with the visible word, then says whom, and what a tap does now. */}
        <span className="sr-only">{label}</span>
      </button>
      {fetcher.data?.error ? (
        <span role="alert" className="sr-only">
          {fetcher.data.error}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
