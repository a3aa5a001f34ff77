// The host's lucky bag (福袋): a prize from the line-up (units × winners, given by the workshop or bought by the
// host), how viewers enter (tap 参与, send a phrase, or follow), and a countdown of 1–15 minutes; then the
// running bag's countdown and entries, and its winners once drawn.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { Countdown, secondsLeft } from "~/components/live/countdown";
import { usePick } from "~/components/live/use-pick";
import type { ProductCard } from "~/domain/live/live-state";
import {
  ENTRY_RULES,
  LUCKY_BAG_MAX_UNITS,
  LUCKY_BAG_MAX_WINNERS,
  LUCKY_BAG_MINUTES,
  LUCKY_BAG_PHRASE_MAX,
  LuckyBagFormSchema,
  type LuckyBagView,
} from "~/domain/promotions/lucky-bag-rules";
import { buttonStyles } from "./intent-button";

export type LuckyBagReply = {
  intent: "lucky-bag";
  submission: SubmissionResult<string[]>;
  error?: { key: string; values?: Record<string, string | number> };
};

const chip =
  "flex min-h-11 cursor-pointer items-center rounded-full border border-stone-300 bg-white px-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:font-medium has-[:checked]:text-brand-700 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600";

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation("luckybag");
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700">
      {errors.map((key) => t(key)).join(" ")}
    </p>
  );
}

type Props = { bag: LuckyBagView | null; lineUp: ProductCard[]; now: number };

export function LuckyBagPanel({ bag, lineUp, now }: Props) {
  const { t } = useTranslation("luckybag");
  const { pick } = usePick();
  const running = bag && !bag.drawnAt;
  return (
    <div className="space-y-3">
      {bag ? (
        <div className="rounded-2xl border-2 border-red-600 bg-red-50 p-3 text-sm" data-testid="host-lucky-bag">
          <p className="flex items-center justify-between font-semibold text-red-700">
            <span>{running ? t("host.running") : t("host.drawn")}</span>
            {running && secondsLeft(bag.endsAt, now) > 0 ? (
              <Countdown endsAt={bag.endsAt} now={now} label={t("room.timeLeft")} />
            ) : null}
          </p>
          <p>
            {pick(bag.prize.titleZh, bag.prize.titleEn)} ·{" "}
            {t("room.winners", { count: bag.winnersCount, units: bag.prize.unitsPerWinner })}
          </p>
          <p>{t("room.entries", { count: bag.entriesCount })}</p>
          {bag.winners ? (
            <p>
              {t("host.winners")}{" "}
              <span lang="zh-CN" translate="no" data-as-written>
                {bag.winners.map((w) => w.name).join("、") || t("room.noEntries")}
              </span>
            </p>
          ) : null}
          <a href={`/lucky-bags/${bag.id}`} className="text-brand-700 underline">
            {t("room.result")}
          </a>
        </div>
      ) : null}
      {!running ? <LuckyBagForm lineUp={lineUp} /> : null}
    </div>
  );
}

function LuckyBagForm({ lineUp }: { lineUp: ProductCard[] }) {
  const { t } = useTranslation("luckybag");
  const { pick } = usePick();
  const fetcher = useFetcher<LuckyBagReply>();
  const [rule, setRule] = useState<(typeof ENTRY_RULES)[number]>("tap");
  const [form, fields] = useForm({
    id: "lucky-bag",
    lastResult: fetcher.state === "idle" ? fetcher.data?.submission : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LuckyBagFormSchema }),
    shouldValidate: "onSubmit",
  });
  const variants = lineUp.flatMap((card) =>
    card.variants.map((v) => ({
      id: v.id,
      stock: v.stock,
      label: `${pick(card.titleZh, card.titleEn)} · ${pick(v.nameZh, v.nameEn)}`,
    })),
  );
  if (!variants.length) return <p className="text-sm text-stone-600">{t("host.emptyLineUp")}</p>;
  return (
    <fetcher.Form method="post" {...getFormProps(form)} className="space-y-3" aria-label={t("host.title")}>
      <input type="hidden" name="intent" value="lucky-bag" />
      <div>
        <label htmlFor="lb-variant" className="text-sm font-medium">
          {t("host.prize")}
        </label>
        <select
          id="lb-variant"
          name="variantId"
          className="mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-2"
          aria-describedby={fields.variantId.errorId}
          defaultValue={variants.find((v) => v.stock > 0)?.id}
        >
          {variants.map((v) => (
            <option key={v.id} value={v.id}>
              {t("host.variantOption", { label: v.label, stock: v.stock })}
            </option>
          ))}
        </select>
        <Errors id={fields.variantId.errorId} errors={fields.variantId.errors} />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor="lb-winners" className="text-sm font-medium">
            {t("host.winnersCount")}
          </label>
          <input
            id="lb-winners"
            name="winnersCount"
            type="number"
            min={1}
            max={LUCKY_BAG_MAX_WINNERS}
            defaultValue={3}
            inputMode="numeric"
            className="mt-1 block min-h-11 w-full rounded-lg border border-stone-300 px-2"
            aria-describedby={fields.winnersCount.errorId}
          />
          <Errors id={fields.winnersCount.errorId} errors={fields.winnersCount.errors} />
        </div>
        <div>
          <label htmlFor="lb-units" className="text-sm font-medium">
            {t("host.unitsPerWinner")}
          </label>
          <input
            id="lb-units"
            name="unitsPerWinner"
            type="number"
            min={1}
            max={LUCKY_BAG_MAX_UNITS}
            defaultValue={1}
            inputMode="numeric"
            className="mt-1 block min-h-11 w-full rounded-lg border border-stone-300 px-2"
            aria-describedby={fields.unitsPerWinner.errorId}
          />
          <Errors id={fields.unitsPerWinner.errorId} errors={fields.unitsPerWinner.errors} />
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("host.donor")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          <label className={chip}>
            <input type="radio" name="donor" value="workshop" defaultChecked className="sr-only" />
            {t("host.donorWorkshop")}
          </label>
          <label className={chip}>
            <input type="radio" name="donor" value="host" className="sr-only" />
            {t("host.donorHost")}
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("host.rule")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {ENTRY_RULES.map((r) => (
            <label key={r} className={chip}>
              <input
                type="radio"
                name="entryRule"
                value={r}
                checked={rule === r}
                onChange={() => setRule(r)}
                className="sr-only"
              />
              {t(`rule.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {rule === "phrase" ? (
        <div>
          <label htmlFor="lb-phrase" className="text-sm font-medium">
            {t("host.phrase")}
          </label>
          <input
            id="lb-phrase"
            name="phrase"
            maxLength={LUCKY_BAG_PHRASE_MAX}
            defaultValue="村播好物"
            className="mt-1 block min-h-11 w-full rounded-lg border border-stone-300 px-2"
            aria-describedby={fields.phrase.errorId}
          />
          <Errors id={fields.phrase.errorId} errors={fields.phrase.errors} />
        </div>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium">{t("host.minutes")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {LUCKY_BAG_MINUTES.map((m) => (
            <label key={m} className={chip}>
              <input type="radio" name="minutes" value={String(m)} defaultChecked={m === 3} className="sr-only" />
              {t("host.minutesOption", { count: m })}
            </label>
          ))}
        </div>
        <Errors id={fields.minutes.errorId} errors={fields.minutes.errors} />
      </fieldset>
      <p className="text-xs text-stone-600">{t("host.lawNote")}</p>
      <Errors id={form.errorId} errors={form.errors} />
      {fetcher.state === "idle" && fetcher.data?.error ? (
        <p role="alert" className="text-sm text-red-700">
          {t(fetcher.data.error.key, fetcher.data.error.values ?? {})}
        </p>
      ) : null}
      <button type="submit" className={`${buttonStyles.primary} w-full`} disabled={fetcher.state !== "idle"}>
        {t("host.start")}
      </button>
    </fetcher.Form>
  );
}
