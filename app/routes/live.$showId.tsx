// The viewer's live room (and, once a show has ended, its replay with shoppable moments).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listAddresses } from "~/domain/accounts/addresses.server";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { ViewerRoom } from "~/components/live/viewer-room";
import { CHAT_MAX_LENGTH } from "~/domain/live/chat.server";
import { getLiveState } from "~/domain/live/live-state.server";
import { findShowForGuard } from "~/domain/live/shows.server";
import { hasReminder, isFollowing } from "~/domain/notices/audience.server";
import { markReminderCame } from "~/domain/notices/reminders.server";
import { replayMoments } from "~/domain/live/pins.server";
import { ticketOf } from "~/domain/promotions/lucky-bags.server";
import { getUserId } from "~/web/auth.server";
import { sessionIceServers } from "~/web/ice-servers.server";
import { invariantResponse } from "~/web/http.server";
import type { RouteHandle } from "~/root";

// The room fills the phone's screen: its own header (back, share) sits over the stream instead of the site's.
export const handle: RouteHandle = {
  i18n: ["account", "checkout", "live", "luckybag", "notices", "promotions"],
  siteHeader: false,
};
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.pageTitle ?? "Cunbo" },
  { name: "description", content: data?.state.lineUp.map((card) => card.titleZh).join("、") ?? "" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const showId = params.showId ?? "";
  const [state, userId] = await Promise.all([getLiveState(showId), getUserId(request)]);
  // A signed-in shopper's address book makes "buy now" one tap.
  const addresses = userId ? await listAddresses(userId) : [];
  invariantResponse(state, "Show not found");
  const show = await findShowForGuard(showId);
  invariantResponse(show, "Show not found");
  const [following, reminded] = await Promise.all([
    isFollowing(userId, { hostId: show.hostId }),
    hasReminder(userId, showId),
  ]);
  // A reminded shopper who opens the live room counts as "came" on the host's dashboard.
  if (userId && reminded && state.status === "live") await markReminderCame(userId, showId);
  const luckyBagTicket = state.luckyBag ? await ticketOf(state.luckyBag.id, userId) : null;
  const moments =
    state.status === "ended" ? await replayMoments(showId, state.startedAt ? new Date(state.startedAt) : null) : [];
  return {
    state,
    moments,
    signedIn: Boolean(userId),
    chatMax: CHAT_MAX_LENGTH,
    addresses,
    audience: { hostId: show.hostId, following, reminded },
    // Only a live show's own broadcast needs them (TURN credentials minted for this page's session).
    iceServers: state.status === "live" && !state.playback ? sessionIceServers() : [],
    luckyBagTicket,
    pageTitle: await pageTitle(request, () => state.title),
  };
}

export default function LiveRoomRoute() {
  const { state, moments, signedIn, chatMax, addresses, audience, iceServers, luckyBagTicket } =
    useLoaderData<typeof loader>();
  // Keyed by show, so moving from one room to another starts a fresh connection and state.
  return (
    <ViewerRoom
      key={state.showId}
      initial={state}
      moments={moments}
      signedIn={signedIn}
      chatMax={chatMax}
      addresses={addresses}
      audience={audience}
      iceServers={iceServers}
      luckyBagTicket={luckyBagTicket}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
