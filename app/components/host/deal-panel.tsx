// The host's flash deal: on the pinned product, in three taps (price, quantity cap, duration — each preset, each
// changeable), with the running deal's countdown and an early stop.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { Countdown } from "~/components/live/countdown";
import { usePick } from "~/components/live/use-pick";
import { DEAL_MAX_SECONDS, DEAL_MIN_SECONDS } from "~/domain/live/flash-deal-limits";
import type { DealView, ProductCard } from "~/domain/live/live-state";
import { formatMoney, parseYuan } from "~/lib/money";
import { formatDuration } from "~/lib/shanghai-time";
import { buttonStyles, IntentButton } from "./intent-button";

export const DEAL_DURATIONS = [30, 60, 180, 300, 600, 1200];
const CAPS = [5, 10, 20, 50];
const DISCOUNTS = [90, 80, 70];

export const DealFormSchema = z
  .object({
    intent: z.literal("deal"),
    variantId: z.string("live:deal.error.variant").min(1, "live:deal.error.variant"),
    price: z.string("live:deal.error.price"),
    customPrice: z.string().optional(),
    quantityCap: z.string("live:deal.error.cap"),
    customCap: z.string().optional(),
    durationSeconds: z.coerce
      .number("live:deal.error.duration")
      .int("live:deal.error.duration")
      .min(DEAL_MIN_SECONDS, "live:deal.error.duration")
      .max(DEAL_MAX_SECONDS, "live:deal.error.duration"),
  })
  .transform((value, ctx) => {
    const custom = value.price === "custom";
    const priceFen = custom ? parseYuan(value.customPrice ?? "") : Number(value.price);
    if (priceFen === null || !Number.isInteger(priceFen) || priceFen <= 0) {
      ctx.addIssue({ code: "custom", path: [custom ? "customPrice" : "price"], message: "live:deal.error.price" });
      return z.NEVER;
    }
    const customCap = value.quantityCap === "custom";
    const quantityCap = Number(customCap ? value.customCap : value.quantityCap);
    if (!Number.isInteger(quantityCap) || quantityCap < 1) {
      ctx.addIssue({ code: "custom", path: [customCap ? "customCap" : "quantityCap"], message: "live:deal.error.cap" });
      return z.NEVER;
    }
    return { variantId: value.variantId, priceFen, quantityCap, durationSeconds: value.durationSeconds };
  });

export type DealReply = {
  intent: "deal";
  submission: SubmissionResult<string[]>;
  error?: { key: string; values?: Record<string, string | number> };
};

const chip =
  "flex min-h-11 cursor-pointer items-center rounded-full border border-stone-300 bg-white px-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:font-medium has-[:checked]:text-brand-700 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600";

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation("live");
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700">
      {errors.map((key) => t(key)).join(" ")}
    </p>
  );
}

type Props = { card: ProductCard | null; preferredVariantId: string | null; deal: DealView | null; now: number };

export function DealPanel({ card, preferredVariantId, deal, now }: Props) {
  const { t } = useTranslation("live");
  const { pick, locale } = usePick();
  if (deal && Date.parse(deal.endsAt) > now) {
    const variant = card?.variants.find((v) => v.id === deal.variantId);
    return (
      <div className="rounded-2xl border-2 border-red-600 bg-red-50 p-3" data-testid="running-deal">
        <p className="flex items-center justify-between text-sm font-semibold text-red-700">
          <span>{t("deal.running")}</span>
          <Countdown endsAt={deal.endsAt} now={now} label={t("deal.timeLeft")} />
        </p>
        <p className="mt-1 text-sm">
          {variant ? pick(variant.nameZh, variant.nameEn) : null} · <b>{formatMoney(deal.priceFen, locale)}</b>{" "}
          <s className="text-stone-500">{formatMoney(deal.listPriceFen, locale)}</s>
        </p>
        <p className="text-sm text-stone-700">
          {t("deal.progress", { sold: deal.sold, cap: deal.quantityCap, remaining: deal.remaining })}
        </p>
        <div className="mt-2">
          <IntentButton
            intent="stop-deal"
            fields={{ dealId: deal.id }}
            label={t("deal.stop")}
            className={buttonStyles.danger}
          />
        </div>
      </div>
    );
  }
  if (!card) return <p className="text-sm text-stone-600">{t("deal.pinFirst")}</p>;
  return <DealForm key={card.productId} card={card} preferredVariantId={preferredVariantId} />;
}

function DealForm({ card, preferredVariantId }: { card: ProductCard; preferredVariantId: string | null }) {
  const { t } = useTranslation("live");
  const { pick, locale } = usePick();
  const fetcher = useFetcher<DealReply>();
  const [variantId, setVariantId] = useState(
    () =>
      (
        card.variants.find((v) => v.id === preferredVariantId) ??
        card.variants.find((v) => v.stock > 0) ??
        card.variants[0]
      ).id,
  );
  const variant = card.variants.find((v) => v.id === variantId) ?? card.variants[0];
  const [form, fields] = useForm({
    id: `deal-${card.productId}`,
    lastResult: fetcher.state === "idle" ? fetcher.data?.submission : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DealFormSchema }),
    shouldValidate: "onSubmit",
  });
  const prices = DISCOUNTS.map((percent) => ({ percent, fen: Math.floor((variant.priceFen * percent) / 1000) * 10 }));
  const caps = CAPS.filter((cap) => cap <= variant.stock);
  return (
    <fetcher.Form method="post" {...getFormProps(form)} className="space-y-3" aria-label={t("deal.title")}>
      <input type="hidden" name="intent" value="deal" />
      {card.variants.length > 1 ? (
        <fieldset>
          <legend className="text-sm font-medium">{t("deal.variant")}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {card.variants.map((v) => (
              <label key={v.id} className={chip}>
                <input
                  type="radio"
                  name="variantId"
                  value={v.id}
                  checked={v.id === variantId}
                  onChange={() => setVariantId(v.id)}
                  className="sr-only"
                />
                {pick(v.nameZh, v.nameEn)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="variantId" value={variantId} />
      )}
      <fieldset aria-describedby={fields.price.errorId}>
        <legend className="text-sm font-medium">
          {t("deal.price", { list: formatMoney(variant.priceFen, locale) })}
        </legend>
        <div className="mt-1 flex flex-wrap gap-2" key={variant.id}>
          {prices.map((p, index) => (
            <label key={p.percent} className={chip}>
              <input type="radio" name="price" value={String(p.fen)} defaultChecked={index === 0} className="sr-only" />
              {t("deal.discount", { percent: p.percent / 10, off: 100 - p.percent, price: formatMoney(p.fen, locale) })}
            </label>
          ))}
          <label className={chip}>
            <input type="radio" name="price" value="custom" className="sr-only" />
            {t("deal.custom")}
          </label>
          <label className="flex items-center gap-1 text-sm">
            <span className="sr-only">{t("deal.customPrice")}</span>¥
            <input
              name="customPrice"
              inputMode="decimal"
              className="w-20 rounded-lg border border-stone-300 px-2 py-2"
              placeholder="0.00"
              aria-describedby={fields.customPrice.errorId}
            />
          </label>
        </div>
        <Errors id={fields.price.errorId} errors={fields.price.errors ?? fields.customPrice.errors} />
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("deal.cap", { stock: variant.stock })}</legend>
        <div className="mt-1 flex flex-wrap gap-2" key={variant.id}>
          {caps.map((cap, index) => (
            <label key={cap} className={chip}>
              <input
                type="radio"
                name="quantityCap"
                value={String(cap)}
                defaultChecked={index === Math.min(1, caps.length - 1)}
                className="sr-only"
              />
              {t("deal.units", { count: cap })}
            </label>
          ))}
          <label className={chip}>
            <input
              type="radio"
              name="quantityCap"
              value="custom"
              defaultChecked={caps.length === 0}
              className="sr-only"
            />
            {t("deal.custom")}
          </label>
          <label className="flex items-center gap-1 text-sm">
            <span className="sr-only">{t("deal.customCap")}</span>
            <input name="customCap" inputMode="numeric" className="w-16 rounded-lg border border-stone-300 px-2 py-2" />
          </label>
        </div>
        <Errors id={fields.quantityCap.errorId} errors={fields.quantityCap.errors ?? fields.customCap.errors} />
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("deal.duration")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {DEAL_DURATIONS.map((seconds) => (
            <label key={seconds} className={chip}>
              <input
                type="radio"
                name="durationSeconds"
                value={String(seconds)}
                defaultChecked={seconds === 60}
                className="sr-only"
              />
              {formatDuration(seconds)}
            </label>
          ))}
        </div>
        <Errors id={fields.durationSeconds.errorId} errors={fields.durationSeconds.errors} />
      </fieldset>
      <Errors id={form.errorId} errors={form.errors} />
      {fetcher.state === "idle" && fetcher.data?.error ? (
        <p role="alert" className="text-sm text-red-700">
          {t(fetcher.data.error.key, fetcher.data.error.values ?? {})}
        </p>
      ) : null}
      <button type="submit" className={`${buttonStyles.primary} w-full`} disabled={fetcher.state !== "idle"}>
        {t("deal.start")}
      </button>
    </fetcher.Form>
  );
}
