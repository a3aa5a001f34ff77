// The host console for one show: go live and end, pin and unpin, flash deals, the live panel and chat moderation.
// Only the show's own host (or an admin) gets here; every intent is checked again on the server.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { sessionIceServers } from "~/web/ice-servers.server";
import { BroadcastPanel } from "~/components/host/broadcast-panel";
import { ChatModeration } from "~/components/host/chat-moderation";
import { ConsoleStats } from "~/components/host/console-stats";
import { DealFormSchema, DealPanel } from "~/components/host/deal-panel";
import { buttonStyles, IntentButton } from "~/components/host/intent-button";
import { LineUpControls } from "~/components/host/lineup-controls";
import { LuckyBagPanel } from "~/components/host/lucky-bag-panel";
import { LuckyBagFormSchema } from "~/domain/promotions/lucky-bag-rules";
import { startLuckyBag } from "~/domain/promotions/lucky-bags.server";
import { useNow } from "~/components/live/countdown";
import { StatusPill } from "~/components/live/room-header";
import { useLiveRoom } from "~/components/live/use-live-room";
import { usePick } from "~/components/live/use-pick";
import { hideMessage, mutedUsers, muteAuthor, setSlowMode, SLOW_MODE_CHOICES, unmute } from "~/domain/live/chat.server";
import { startDeal, stopDeal } from "~/domain/live/flash-deals.server";
import { getLiveState } from "~/domain/live/live-state.server";
import { pinProduct, unpin } from "~/domain/live/pins.server";
import { couponsForShow, pinCoupon, unpinCoupon } from "~/domain/promotions/coupons.server";
import { CouponPinPanel } from "~/components/promotions/coupon-pin-panel";
import { hostPanelFigures } from "~/domain/live/show-stats.server";
import { endShow, goLive } from "~/domain/live/shows.server";
import { requireShowHost } from "~/web/auth.server";
import { invariantResponse } from "~/web/http.server";
import { formatShanghai } from "~/lib/shanghai-time";
import { readForm } from "~/web/read-form.server";
import { domainErrorReply } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["checkout", "live", "luckybag", "notices", "promotions"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const showId = params.showId ?? "";
  await requireShowHost(request, showId);
  const [state, figures, muted, coupons] = await Promise.all([
    getLiveState(showId),
    hostPanelFigures(showId),
    mutedUsers(showId),
    couponsForShow(showId).catch(() => []),
  ]);
  invariantResponse(state, "Show not found");
  return {
    state,
    coupons,
    figures,
    muted,
    slowChoices: SLOW_MODE_CHOICES,
    iceServers: sessionIceServers(),
    pageTitle: await pageTitle(request, (t) => t("common:title.hostConsole", { title: state.title })),
  };
}

const Id = z.string().min(1).max(40);
const IntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("pin"), productId: Id, variantId: Id.optional() }),
  z.object({ intent: z.literal("unpin") }),
  z.object({ intent: z.literal("pin-coupon"), couponId: Id }),
  z.object({ intent: z.literal("unpin-coupon") }),
  z.object({ intent: z.literal("stop-deal"), dealId: Id }),
  z.object({ intent: z.literal("go-live") }),
  z.object({ intent: z.literal("end") }),
  z.object({ intent: z.literal("hide"), messageId: Id }),
  z.object({ intent: z.literal("mute"), messageId: Id }),
  z.object({ intent: z.literal("unmute"), userId: Id }),
  z.object({ intent: z.literal("slow-mode"), seconds: z.coerce.number().int() }),
]);

async function run(showId: string, input: z.infer<typeof IntentSchema>) {
  switch (input.intent) {
    case "pin":
      return pinProduct(showId, input.productId, input.variantId ?? null);
    case "unpin":
      return unpin(showId);
    case "pin-coupon":
      return pinCoupon(showId, input.couponId);
    case "unpin-coupon":
      return unpinCoupon(showId);
    case "stop-deal":
      return stopDeal(showId, input.dealId);
    case "go-live":
      return goLive(showId);
    case "end":
      return endShow(showId);
    case "hide":
      return hideMessage(showId, input.messageId);
    case "mute":
      return muteAuthor(showId, input.messageId);
    case "unmute":
      return unmute(showId, input.userId);
    case "slow-mode":
      return setSlowMode(showId, input.seconds);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const showId = params.showId ?? "";
  await requireShowHost(request, showId);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "deal") {
    const submission = parseWithZod(formData, { schema: DealFormSchema });
    if (submission.status !== "success") return data({ intent, submission: submission.reply() }, { status: 400 });
    try {
      await startDeal(showId, submission.value);
      return { intent, submission: submission.reply({ resetForm: true }) };
    } catch (error) {
      // The message travels with its values (e.g. the stock a cap exceeded), which form errors cannot carry.
      return domainErrorReply(error, request, ({ key, values }) => ({
        intent,
        submission: submission.reply(),
        error: { key, values },
      }));
    }
  }
  if (intent === "lucky-bag") {
    const submission = parseWithZod(formData, { schema: LuckyBagFormSchema });
    if (submission.status !== "success") return data({ intent, submission: submission.reply() }, { status: 400 });
    try {
      await startLuckyBag(showId, submission.value);
      return { intent, submission: submission.reply({ resetForm: true }) };
    } catch (error) {
      return domainErrorReply(error, request, ({ key, values }) => ({
        intent,
        submission: submission.reply(),
        error: { key, values },
      }));
    }
  }
  const parsed = IntentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ ok: false, intent, error: { key: "live:error.badRequest" } }, { status: 400 });
  try {
    await run(showId, parsed.data);
    return { ok: true, intent };
  } catch (error) {
    return domainErrorReply(error, request, ({ key, values }) => ({ ok: false, intent, error: { key, values } }));
  }
}

type Reply = {
  error?: { key: string; values?: Record<string, string | number> };
  submission?: { error?: Record<string, string[] | null> | null };
};

function refusalText(reply: unknown, t: (key: string, values?: Record<string, string | number>) => string) {
  const { error, submission } = (reply ?? {}) as Reply;
  if (error) return t(error.key, error.values ?? {});
  const keys = Object.values(submission?.error ?? {}).flatMap((list) => list ?? []);
  return keys.length ? keys.map((key) => t(key)).join(" ") : null;
}

export default function HostConsole() {
  const { state: initial, figures, muted, slowChoices, iceServers, coupons } = useLoaderData<typeof loader>();
  const { t } = useTranslation("live");
  const { pick, locale } = usePick();
  const revalidator = useRevalidator();
  const { state, connection, clockOffset } = useLiveRoom(initial, ({ type }) => {
    if (type === "sold" || type === "status" || type === "coupon" || type === "coupon:unpin") revalidator.revalidate();
  });
  const now = useNow(clockOffset, Boolean(state.deal) || Boolean(state.luckyBag && !state.luckyBag.drawnAt));
  const live = state.status === "live";
  // Only a post without JavaScript lands here (buttons use fetchers and show their own replies).
  const refusal = refusalText(useActionData<typeof action>(), t);
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-4 px-3 py-4">
      <nav className="text-sm">
        <Link to="/host" className="text-brand-700 underline">
          {t("console.back")}
        </Link>
      </nav>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <StatusPill status={state.status} />
          <span className="text-sm text-stone-600">{formatShanghai(state.startedAt ?? state.scheduledAt, locale)}</span>
          {connection === "offline" ? <span className="text-sm text-amber-700">{t("connection.offline")}</span> : null}
        </div>
        <h1 className="text-xl font-semibold" data-as-written>
          {state.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          {state.status === "scheduled" ? (
            <IntentButton intent="go-live" label={t("console.goLive")} className={`${buttonStyles.primary} px-6`} />
          ) : null}
          {live ? (
            <details className="relative">
              <summary className={`${buttonStyles.danger} inline-flex cursor-pointer list-none items-center`}>
                {t("console.end")}
              </summary>
              <div className="absolute z-10 mt-2 w-64 rounded-xl bg-white p-3 shadow-lg ring-1 ring-stone-200">
                <p className="mb-2 text-sm">{t("console.endConfirm")}</p>
                <IntentButton intent="end" label={t("console.endYes")} className={buttonStyles.danger} />
              </div>
            </details>
          ) : null}
          <Link to={`/live/${state.showId}`} className={`${buttonStyles.quiet} inline-flex items-center`}>
            {t("console.watch")}
          </Link>
          <Link to={`/host/shows/${state.showId}/edit`} className={`${buttonStyles.quiet} inline-flex items-center`}>
            {t("console.edit")}
          </Link>
        </div>
      </header>

      {refusal ? (
        <p role="alert" className="rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800">
          {refusal}
        </p>
      ) : null}
      {state.status !== "ended" ? <BroadcastPanel showId={state.showId} iceServers={iceServers} /> : null}
      <ConsoleStats
        viewers={live ? state.viewers : 0}
        peak={Math.max(figures.peakViewers, live ? state.viewers : 0)}
        orders={figures.orders}
        salesFen={figures.salesFen}
        locale={locale}
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="pin-title" className="space-y-3 rounded-2xl bg-white p-3 ring-1 ring-stone-200">
          <h2 id="pin-title" className="font-semibold">
            {t("console.pinned")}
          </h2>
          {state.pin ? (
            <div className="flex items-center gap-3" data-testid="host-pinned">
              {state.pin.card.image ? (
                <img src={state.pin.card.image} alt="" className="h-14 w-14 rounded-lg object-cover" />
              ) : null}
              <p className="min-w-0 flex-1 text-sm font-medium">
                {pick(state.pin.card.titleZh, state.pin.card.titleEn)}
              </p>
              <IntentButton intent="unpin" label={t("console.unpin")} />
            </div>
          ) : (
            <p className="text-sm text-stone-600">{live ? t("console.nothingPinned") : t("console.notLiveYet")}</p>
          )}
          <h3 className="pt-2 font-semibold">{t("deal.title")}</h3>
          {live ? (
            <DealPanel
              card={state.pin?.card ?? null}
              preferredVariantId={state.pin?.variantId ?? null}
              deal={state.deal}
              now={now}
            />
          ) : (
            <p className="text-sm text-stone-600">{t("console.notLiveYet")}</p>
          )}
        </section>

        <CouponPinPanel coupons={coupons} pinned={state.coupon} live={live} />
        <section aria-labelledby="lucky-bag-title" className="space-y-3 rounded-2xl bg-white p-3 ring-1 ring-stone-200">
          <h2 id="lucky-bag-title" className="font-semibold">
            {t("luckybag:host.title")}
          </h2>
          {live ? (
            <LuckyBagPanel bag={state.luckyBag} lineUp={state.lineUp} now={now} />
          ) : (
            <p className="text-sm text-stone-600">{t("console.notLiveYet")}</p>
          )}
        </section>

        <section aria-labelledby="lineup-title" className="rounded-2xl bg-white p-3 ring-1 ring-stone-200">
          <h2 id="lineup-title" className="font-semibold">
            {t("lineup.title", { count: state.lineUp.length })}
          </h2>
          <LineUpControls items={state.lineUp} pinnedProductId={state.pin?.card.productId ?? null} canPin={live} />
        </section>

        <section aria-labelledby="sold-title" className="rounded-2xl bg-white p-3 ring-1 ring-stone-200">
          <h2 id="sold-title" className="font-semibold">
            {t("console.sold")}
          </h2>
          {state.sales.length ? (
            <ul className="mt-2 space-y-1 text-sm" aria-live="polite">
              {state.sales.map((sale) => (
                <li key={sale.id}>
                  {t("ticker.sold", {
                    city: pick(sale.city, sale.cityEn) || t("ticker.somewhere"),
                    count: sale.quantity,
                    title: pick(sale.titleZh, sale.titleEn),
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-stone-600">{t("console.noSales")}</p>
          )}
        </section>

        <section aria-labelledby="chat-title" className="rounded-2xl bg-white p-3 ring-1 ring-stone-200">
          <h2 id="chat-title" className="mb-2 font-semibold">
            {t("moderation.title")}
          </h2>
          <ChatModeration
            lines={state.chat}
            slowModeSeconds={state.slowModeSeconds}
            slowChoices={slowChoices}
            muted={muted}
          />
        </section>
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
