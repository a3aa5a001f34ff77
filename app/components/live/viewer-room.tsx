// The viewer's live room, phone first: the stream fills the screen (no site header), with the room's own header
// (back, host, share) and the sold ticker on top,
// and the chat, the pinned card and the line-up bag at the bottom. Buying opens a sheet over the stream.
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import type { SavedAddress } from "~/domain/accounts/address-schema";
import type { LiveState, ProductCard } from "~/domain/live/live-state";
import { hlsHref } from "~/domain/live/recording-paths";
import { formatShanghai } from "~/lib/shanghai-time";
import { ChatBox, ChatLines } from "./chat-panel";
import { CouponCard } from "./coupon-card";
import { secondsLeft, useNow } from "./countdown";
import { LineUpList } from "./lineup-list";
import { LuckyBag } from "./lucky-bag";
import { LiveVideo, sourceOf, type LiveVideoHandle } from "./live-video";
import { PinnedCard, type BuyMode } from "./pinned-card";
import { ReplayMoments, type Moment } from "./replay-moments";
import { RoomHeader, type RoomAudience } from "./room-header";
import { Sheet } from "./sheet";
import { SoldTicker } from "./sold-ticker";
import { useLiveRoom } from "./use-live-room";
import { usePick } from "./use-pick";

// The buy sheet's form is not needed for the room to come alive: it loads just after, before anyone has tapped.
const loadBuySheet = () => import("./buy-sheet");
const BuySheetBody = lazy(() => loadBuySheet().then((module) => ({ default: module.BuySheetBody })));

type Props = {
  initial: LiveState;
  moments: Moment[];
  signedIn: boolean;
  chatMax: number;
  addresses?: SavedAddress[];
  audience?: RoomAudience;
  iceServers?: RTCIceServer[];
  /** The signed-in viewer's ticket in the room's lucky bag, if they entered it. */
  luckyBagTicket?: string | null;
};

export function ViewerRoom({
  initial,
  moments,
  signedIn,
  chatMax,
  addresses,
  audience,
  iceServers,
  luckyBagTicket = null,
}: Props) {
  const { t } = useTranslation("live");
  const { pick, locale } = usePick();
  const revalidator = useRevalidator();
  const { state, connection, clockOffset, sendChat } = useLiveRoom(initial, ({ type }) => {
    if (type === "status") revalidator.revalidate(); // an ended show brings its replay moments
  });
  const now = useNow(clockOffset, Boolean(state.deal) || state.sales.length > 0 || Boolean(state.luckyBag));
  const [sheet, setSheet] = useState<{ card: ProductCard; mode: BuyMode; pinId: string | null } | null>(null);
  const [drawer, setDrawer] = useState(false);
  const [moment, setMoment] = useState<Moment | null>(null);
  const video = useRef<LiveVideoHandle>(null);
  useEffect(() => void loadBuySheet(), []);
  const here = `/live/${state.showId}`;
  const deal = state.deal && secondsLeft(state.deal.endsAt, now) > 0 ? state.deal : null;
  const ended = state.status === "ended";

  // A moment in another of the show's recordings (the host broadcast more than once) plays that recording.
  const replayUrl = moment?.recordingUrl ?? state.recordingUrl;
  const source = ended
    ? sourceOf(replayUrl)
    : state.status === "live"
      ? state.playback
        ? sourceOf(state.playback.url, state.playback.kind)
        : ({ kind: "whep", url: `/whep/${state.showId}`, hls: hlsHref(state.showId) } as const)
      : null;
  const note = ended
    ? t("video.noRecording")
    : state.status === "scheduled"
      ? t("video.soon", { time: formatShanghai(state.scheduledAt, locale) })
      : t("video.noStream");

  const shown = ended
    ? moment
      ? { card: moment.card, pinId: moment.pinId, variantId: null }
      : null
    : state.pin && { ...state.pin };
  const pinIdFor = (card: ProductCard) => (state.pin?.card.productId === card.productId ? state.pin.pinId : null);

  return (
    <main id="main" className="mx-auto max-w-6xl lg:grid lg:grid-cols-[minmax(0,420px)_1fr] lg:gap-6 lg:p-4">
      <section
        aria-label={state.title}
        className="relative h-svh min-h-[560px] overflow-hidden bg-stone-900 lg:h-[calc(100svh-2rem)] lg:rounded-3xl"
      >
        <LiveVideo
          ref={video}
          source={source}
          poster={state.coverImage}
          note={note}
          controls={ended}
          title={state.title}
          broadcasting={state.broadcasting}
          iceServers={iceServers}
        />
        <div className="pointer-events-none absolute inset-0 flex flex-col justify-between">
          <div className="pointer-events-auto space-y-2 bg-gradient-to-b from-black/60 to-transparent p-3 pb-6">
            <RoomHeader state={state} connection={connection} href={here} audience={audience} />
            {!ended ? <SoldTicker sales={state.sales} now={now} /> : null}
            {!ended && state.luckyBag ? (
              <div className="flex flex-col items-end gap-2">
                <LuckyBag
                  key={state.luckyBag.id}
                  bag={state.luckyBag}
                  now={now}
                  signedIn={signedIn}
                  loginHref={`/login?${new URLSearchParams({ redirectTo: here })}`}
                  initialTicket={luckyBagTicket}
                  sendChat={sendChat}
                />
              </div>
            ) : null}
          </div>
          <div className="space-y-2 bg-gradient-to-t from-black/70 to-transparent p-3 pt-8">
            {!ended ? (
              <ChatLines
                lines={state.chat.slice(-20)}
                className="pointer-events-auto max-h-[24svh] max-w-[85%] [mask-image:linear-gradient(to_bottom,transparent,black_2.5rem)]"
              />
            ) : null}
            {ended ? (
              <section aria-labelledby="moments-title" className="pointer-events-auto">
                <h2 id="moments-title" className="mb-1 text-sm font-semibold text-white">
                  {t("replay.moments")}
                </h2>
                <ReplayMoments
                  moments={moments}
                  current={moment?.pinId ?? null}
                  onChoose={(m) => {
                    setMoment(m);
                    video.current?.seek(m.offsetSeconds);
                  }}
                />
              </section>
            ) : null}
            {!ended && state.coupon ? (
              <div className="pointer-events-auto">
                <CouponCard coupon={state.coupon} signedIn={signedIn} redirectTo={here} />
              </div>
            ) : null}
            {shown ? (
              <div className="pointer-events-auto">
                <PinnedCard
                  card={shown.card}
                  preferredVariantId={shown.variantId}
                  deal={deal}
                  now={now}
                  attribution={{ showId: state.showId, pinId: shown.pinId }}
                  redirectTo={here}
                  onBuy={(mode) => setSheet({ card: shown.card, mode, pinId: shown.pinId })}
                />
              </div>
            ) : null}
            <div className="pointer-events-auto flex items-center gap-2">
              <ChatBox
                canChat={signedIn}
                chatOpen={state.status === "live"}
                slowModeSeconds={state.slowModeSeconds}
                loginHref={`/login?${new URLSearchParams({ redirectTo: here })}`}
                send={sendChat}
                maxLength={chatMax}
              />
              <a
                href="#lineup"
                onClick={(event) => {
                  event.preventDefault();
                  setDrawer(true);
                }}
                aria-label={t("lineup.bag", { count: state.lineUp.length })}
                className="ml-auto flex min-h-11 flex-none items-center gap-1 rounded-full bg-amber-400 px-3 text-sm font-semibold text-stone-900"
              >
                <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-none stroke-current stroke-2">
                  <path d="M5 8h14l-1 12H6L5 8Z" strokeLinejoin="round" />
                  <path d="M9 8V6a3 3 0 0 1 6 0v2" />
                </svg>
                {state.lineUp.length}
              </a>
            </div>
          </div>
        </div>
      </section>

      <div className="space-y-6 px-4 py-5 lg:px-0">
        <section id="lineup" aria-labelledby="lineup-title">
          <h2 id="lineup-title" className="text-lg font-semibold">
            {t("lineup.title", { count: state.lineUp.length })}
          </h2>
          <p className="text-sm text-stone-600">
            {pick(state.host.nameZh, state.host.nameEn)} · {pick(state.host.villageZh, state.host.villageEn)} ·{" "}
            {formatShanghai(state.startedAt ?? state.scheduledAt, locale)}
          </p>
          <LineUpList
            items={state.lineUp}
            pinnedProductId={state.pin?.card.productId ?? null}
            showId={state.showId}
            redirectTo={here}
            onChoose={(card) => setSheet({ card, mode: "cart", pinId: pinIdFor(card) })}
          />
        </section>
      </div>

      <Sheet
        open={drawer}
        onClose={() => setDrawer(false)}
        title={t("lineup.title", { count: state.lineUp.length })}
        closeLabel={t("sheet.close")}
      >
        <LineUpList
          items={state.lineUp}
          pinnedProductId={state.pin?.card.productId ?? null}
          showId={state.showId}
          redirectTo={here}
          onChoose={(card) => {
            setDrawer(false);
            setSheet({ card, mode: "cart", pinId: pinIdFor(card) });
          }}
        />
      </Sheet>
      <Sheet
        open={Boolean(sheet)}
        onClose={() => setSheet(null)}
        title={sheet?.mode === "buy" ? t("buy.titleBuy") : t("buy.titleCart")}
        closeLabel={t("sheet.close")}
      >
        {sheet ? (
          <Suspense fallback={<div aria-busy="true" className="min-h-40" />}>
            <BuySheetBody
              key={sheet.card.productId + sheet.mode}
              card={state.lineUp.find((c) => c.productId === sheet.card.productId) ?? sheet.card}
              mode={sheet.mode}
              deal={deal}
              now={now}
              attribution={{ showId: state.showId, pinId: sheet.pinId }}
              preferredVariantId={state.pin?.pinId === sheet.pinId ? (state.pin?.variantId ?? null) : null}
              redirectTo={here}
              onClose={() => setSheet(null)}
              addresses={addresses}
            />
          </Suspense>
        ) : null}
      </Sheet>
    </main>
  );
}
