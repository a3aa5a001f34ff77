// The lucky bag (福袋) in the viewer's room: a small badge with its countdown over the stream, and a sheet with
// the prize, the rule, the one tap to enter (or to send the phrase), and once drawn the winners, the viewer's own
// result and the way to the result page (claim, verify). Plain React only: the room's JavaScript stays small.
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import type { ChatReply } from "~/domain/events";
import type { LuckyBagView } from "~/domain/promotions/lucky-bag-rules";
import { Countdown, secondsLeft } from "./countdown";
import { Sheet } from "./sheet";
import { usePick } from "./use-pick";

type EnterReply = { ticket: string } | { error: { key: string; values?: Record<string, string | number> } };

type Props = {
  bag: LuckyBagView;
  now: number;
  signedIn: boolean;
  loginHref: string;
  initialTicket: string | null;
  sendChat: (text: string) => Promise<ChatReply>;
};

export function LuckyBag({ bag, now, signedIn, loginHref, initialTicket, sendChat }: Props) {
  const { t } = useTranslation("luckybag");
  const { pick } = usePick();
  const [open, setOpen] = useState(false);
  const [chatTicket, setChatTicket] = useState<string | null>(null);
  const [chatRefusal, setChatRefusal] = useState<string | null>(null);
  const fetcher = useFetcher<EnterReply>();
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const ticket = initialTicket ?? chatTicket ?? (reply && "ticket" in reply ? reply.ticket : null);
  const refusal = chatRefusal ?? (reply && "error" in reply ? t(reply.error.key, reply.error.values ?? {}) : null);
  const drawn = bag.winners !== null;
  const won = drawn && ticket !== null && bag.winners!.some((w) => w.ticket === ticket);
  const running = !drawn && secondsLeft(bag.endsAt, now) > 0;
  const prize = pick(bag.prize.titleZh, bag.prize.titleEn);

  async function sendPhrase() {
    setChatRefusal(null);
    const answer = await sendChat(bag.phrase ?? "");
    if ("error" in answer) setChatRefusal(t(answer.error, answer.values ?? {}));
    else if (answer.luckyBag && "ticket" in answer.luckyBag) setChatTicket(answer.luckyBag.ticket);
    else if (answer.luckyBag && "refused" in answer.luckyBag) setChatRefusal(t(answer.luckyBag.refused));
  }

  return (
    <>
      {won ? (
        <a
          href={`/lucky-bags/${bag.id}`}
          role="status"
          className="pointer-events-auto block rounded-2xl bg-amber-300 px-3 py-2 text-sm font-semibold text-stone-900"
        >
          {t("room.youWon", { prize })}
        </a>
      ) : null}
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="pointer-events-auto flex min-h-11 items-center gap-1 rounded-full bg-red-600 px-3 text-sm font-semibold text-white shadow"
        aria-label={running ? t("room.badgeRunning") : t("room.badgeDrawn")}
      >
        <span aria-hidden="true">福</span>
        {running ? <Countdown endsAt={bag.endsAt} now={now} label={t("room.timeLeft")} /> : t("room.drawn")}
      </button>
      <Sheet open={open} onClose={() => setOpen(false)} title={t("room.title")} closeLabel={t("room.close")}>
        <div className="space-y-3 p-4" data-testid="lucky-bag">
          <div className="flex gap-3">
            {bag.prize.image ? (
              <img src={bag.prize.image} alt="" className="h-16 w-16 rounded-xl object-cover" />
            ) : null}
            <div className="min-w-0 text-sm">
              <p className="font-semibold">{prize}</p>
              <p className="text-stone-600">{pick(bag.prize.variantNameZh, bag.prize.variantNameEn)}</p>
              <p>{t("room.winners", { count: bag.winnersCount, units: bag.prize.unitsPerWinner })}</p>
            </div>
          </div>
          <p className="text-sm">
            {bag.entryRule === "phrase"
              ? t("rule.phraseLong", { phrase: bag.phrase ?? "" })
              : t(`rule.${bag.entryRule}Long`)}
          </p>
          <p className="text-sm text-stone-600">{t("room.noPurchase")}</p>
          {running ? (
            <p className="flex items-center justify-between text-sm">
              <span>{t("room.entries", { count: bag.entriesCount })}</span>
              <Countdown endsAt={bag.endsAt} now={now} label={t("room.timeLeft")} />
            </p>
          ) : null}
          {running && ticket ? (
            <p className="rounded-xl bg-green-50 px-3 py-2 text-sm text-green-800" role="status">
              {t("room.entered")}
            </p>
          ) : null}
          {running && !ticket && !signedIn ? (
            <a
              href={loginHref}
              className="block min-h-11 rounded-full bg-red-600 px-4 py-3 text-center text-sm text-white"
            >
              {t("room.signIn")}
            </a>
          ) : null}
          {running && !ticket && signedIn && bag.entryRule === "phrase" ? (
            <button
              type="button"
              onClick={() => void sendPhrase()}
              className="min-h-11 w-full rounded-full bg-red-600 px-4 text-sm font-semibold text-white"
            >
              {t("room.sendPhrase", { phrase: bag.phrase ?? "" })}
            </button>
          ) : null}
          {running && !ticket && signedIn && bag.entryRule !== "phrase" ? (
            <fetcher.Form method="post" action={`/lucky-bags/${bag.id}/enter`} onSubmit={() => setChatRefusal(null)}>
              <input type="hidden" name="via" value={bag.entryRule} />
              <button
                type="submit"
                disabled={fetcher.state !== "idle"}
                className="min-h-11 w-full rounded-full bg-red-600 px-4 text-sm font-semibold text-white disabled:opacity-60"
              >
                {bag.entryRule === "follow" ? t("room.followAndEnter") : t("room.enter")}
              </button>
            </fetcher.Form>
          ) : null}
          {refusal ? (
            <p role="alert" className="text-sm text-red-700">
              {refusal}
            </p>
          ) : null}
          {!running && !drawn ? <p className="text-sm">{t("room.drawing")}</p> : null}
          {drawn ? (
            <div className="space-y-2">
              <p className="text-sm font-semibold">
                {won ? t("room.youWon", { prize }) : ticket ? t("room.notThisTime") : t("room.drawnTitle")}
              </p>
              {bag.winners!.length ? (
                <ul className="flex flex-wrap gap-2 text-sm" aria-label={t("room.winnersList")}>
                  {bag.winners!.map((w) => (
                    <li key={w.ticket} className="rounded-full bg-amber-100 px-3 py-1" lang="zh-CN" translate="no">
                      {w.name}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm">{t("room.noEntries")}</p>
              )}
            </div>
          ) : null}
          <a href={`/lucky-bags/${bag.id}`} className="block text-sm text-brand-700 underline">
            {won ? t("room.claim") : t("room.result")}
          </a>
          <p className="break-all text-xs text-stone-500">{t("room.commit", { commit: bag.seedCommit })}</p>
        </div>
      </Sheet>
    </>
  );
}
