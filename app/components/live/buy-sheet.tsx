// Buying without leaving the stream: choose a variant and a quantity in a sheet. "Add to cart" posts to /cart and
// stays in the room; "buy now" opens the checkout (address, payment) inside the same sheet, so the stream keeps
// playing above it. A signed-in shopper with saved addresses buys in one tap instead (one-tap.tsx). The server
// prices the line; what is shown here is for the shopper only.
import { useRef, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { linePremiumFen } from "~/domain/ledger/allocation";
import type { SavedAddress } from "~/domain/accounts/address-schema";
import { sendBuyNow } from "~/domain/checkout/buy-now-client";
import { effectivePrice, type DealView, type ProductCard } from "~/domain/live/live-state";
import { formatMoney } from "~/lib/money";
import { defaultVariant, StockNote, type Attribution, type BuyMode } from "./pinned-card";
import { AddressChoice, newSubmissionKey, QuoteNote, useQuote } from "./one-tap";
import { usePick } from "./use-pick";

type Props = {
  card: ProductCard;
  mode: BuyMode;
  deal: DealView | null;
  now: number;
  attribution: Attribution;
  preferredVariantId: string | null;
  redirectTo: string;
  onClose: () => void;
  /** The signed-in shopper's address book (empty for guests): with one, "buy now" is one tap. */
  addresses?: SavedAddress[];
};

type Status =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "done" }
  | { kind: "checkout"; url: string }
  | { kind: "error"; key: string }
  | { kind: "refused"; messages: string[] };

// A namespaced message key (a field's error); anything else is a sentence the server already worded.
const MESSAGE_KEY = /^[a-z]+:[\w.-]+$/;

const BUY_NOW_FIELDS = ["variantId", "quantity", "showId", "pinId", "flashDealId"];

export function BuySheetBody(props: Props) {
  const { card, mode, deal, now, attribution, preferredVariantId, redirectTo, onClose, addresses = [] } = props;
  const { t } = useTranslation("live");
  const { pick, locale } = usePick();
  const revalidator = useRevalidator();
  const [variantId, setVariantId] = useState(() => defaultVariant(card, preferredVariantId, deal).id);
  const [quantity, setQuantity] = useState(1);
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const variant = card.variants.find((v) => v.id === variantId) ?? card.variants[0];
  const price = effectivePrice(variant, deal, now);
  const dealCap = price.deal && deal ? deal.remaining : Infinity;
  const premiumFen = linePremiumFen({ unitPriceFen: price.priceFen, quantity, premiumRateBp: card.premiumRateBp });
  const max = Math.max(1, Math.min(card.preorder ? 99 : variant.stock, dealCap, 99));
  const unavailable = !card.preorder && variant.stock <= 0;
  const formRef = useRef<HTMLFormElement>(null);
  const [address, setAddress] = useState(() => addresses.find((a) => a.isDefault) ?? addresses[0] ?? null);
  const oneTap = mode === "buy" && address !== null;
  const [submissionKey] = useState(newSubmissionKey);
  const [quoteVersion, setQuoteVersion] = useState(0);
  const itemParams = new URLSearchParams({
    variantId: variant.id,
    quantity: String(quantity),
    v: String(quoteVersion),
  });
  if (attribution.showId) itemParams.set("showId", attribution.showId);
  if (attribution.pinId) itemParams.set("pinId", attribution.pinId);
  if (price.deal && deal) itemParams.set("flashDealId", deal.id);
  const quote = useQuote(oneTap ? itemParams : null);

  /** The full checkout form, inside the sheet (a guest, or a shopper sending it to a new address). */
  function openCheckout(body: FormData) {
    const params = new URLSearchParams({ sheet: "1" });
    for (const field of BUY_NOW_FIELDS) {
      const value = body.get(field);
      if (typeof value === "string" && value) params.set(field, value);
    }
    setStatus({ kind: "checkout", url: `/checkout?${params}` });
  }

  async function placeInOneTap(body: FormData) {
    setStatus({ kind: "sending" });
    const answer = await sendBuyNow(body);
    if (!answer) return setStatus({ kind: "error", key: "buy.error.noAnswer" });
    if ("reply" in answer) {
      setQuoteVersion((v) => v + 1); // a price or stock that changed meanwhile shows itself before the next tap
      const messages = Object.values(answer.reply.error ?? {}).flatMap((m) => m ?? []);
      return setStatus({ kind: "refused", messages: messages.length ? messages : [t("buy.error.failed")] });
    }
    // Stripe's page cannot open inside the sheet, so there the payment takes the whole window.
    if (!answer.redirectTo.startsWith("/")) return window.location.assign(answer.redirectTo);
    setStatus({ kind: "checkout", url: answer.redirectTo });
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    if (oneTap) return placeInOneTap(body);
    if (mode === "buy") return openCheckout(body);
    setStatus({ kind: "sending" });
    try {
      const response = await fetch("/cart", { method: "POST", body, redirect: "manual" });
      if (response.type === "opaqueredirect" || response.ok) {
        setStatus({ kind: "done" });
        revalidator.revalidate(); // the header's cart count, where there is one
      } else {
        setStatus({
          kind: "error",
          key: response.status === 404 || response.status === 405 ? "buy.error.cartUnavailable" : "buy.error.failed",
        });
      }
    } catch {
      setStatus({ kind: "error", key: "buy.error.offline" });
    }
  }

  if (status.kind === "checkout") {
    return (
      <iframe
        src={status.url}
        title={t("buy.checkoutTitle")}
        className="h-[70vh] w-full rounded-xl border-0 bg-white"
        data-testid="checkout-frame"
      />
    );
  }

  if (status.kind === "done") {
    return (
      <div className="space-y-4 py-2 text-center" role="status">
        <p className="text-lg font-semibold text-leaf-700">{t("buy.added")}</p>
        <p className="text-sm text-stone-600">{mode === "buy" ? t("buy.addedBuyNote") : t("buy.addedNote")}</p>
        <div className="grid grid-cols-2 gap-2">
          <button
            type="button"
            onClick={onClose}
            className="min-h-11 rounded-full border border-stone-300 px-3 text-sm"
          >
            {t("buy.keepWatching")}
          </button>
          <a
            href="/cart"
            className="flex min-h-11 items-center justify-center rounded-full bg-brand-600 px-3 text-sm font-medium text-white"
          >
            {mode === "buy" ? t("buy.toCheckout") : t("buy.toCart")}
          </a>
        </div>
      </div>
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-4" data-testid="buy-sheet">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="showId" value={attribution.showId} />
      {attribution.pinId ? <input type="hidden" name="pinId" value={attribution.pinId} /> : null}
      {price.deal && deal ? <input type="hidden" name="flashDealId" value={deal.id} /> : null}
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <div className="flex gap-3">
        {card.image ? (
          <img src={card.image} alt="" className="h-20 w-20 flex-none rounded-xl bg-stone-100 object-cover" />
        ) : null}
        <div className="min-w-0">
          <p className="line-clamp-2 font-medium">{pick(card.titleZh, card.titleEn)}</p>
          <p className={`text-xl font-bold ${price.deal ? "text-red-600" : "text-brand-700"}`}>
            {formatMoney(price.priceFen, locale)}
          </p>
          <p className="text-xs">
            <StockNote stock={variant.stock} preorder={card.preorder} />
          </p>
          {premiumFen > 0 ? (
            <p className="text-xs text-leaf-700" data-testid="sheet-premium">
              {t("card.premium", { amount: formatMoney(premiumFen, locale) })}
            </p>
          ) : null}
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("buy.variant")}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {card.variants.map((v) => (
            <label
              key={v.id}
              className={`cursor-pointer rounded-full border px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:text-brand-700 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50 ${
                v.id === variantId ? "" : "border-stone-300"
              }`}
            >
              <input
                type="radio"
                name="variantId"
                value={v.id}
                checked={v.id === variantId}
                disabled={!card.preorder && v.stock <= 0}
                onChange={() => {
                  setVariantId(v.id);
                  setQuantity(1);
                }}
                className="sr-only"
              />
              {pick(v.nameZh, v.nameEn)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center justify-between">
        <label htmlFor="buy-quantity" className="text-sm font-medium">
          {t("buy.quantity")}
        </label>
        <div className="flex items-center gap-1">
          <button
            type="button"
            className="min-h-11 min-w-11 rounded-full border border-stone-300 text-lg"
            onClick={() => setQuantity((q) => Math.max(1, q - 1))}
            aria-label={t("buy.less")}
          >
            −
          </button>
          <input
            id="buy-quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            value={quantity}
            onChange={(event) => setQuantity(Math.min(max, Math.max(1, Number(event.target.value) || 1)))}
            className="w-14 rounded-lg border border-stone-300 py-2 text-center"
          />
          <button
            type="button"
            className="min-h-11 min-w-11 rounded-full border border-stone-300 text-lg"
            onClick={() => setQuantity((q) => Math.min(max, q + 1))}
            aria-label={t("buy.more")}
          >
            +
          </button>
        </div>
      </div>
      {oneTap ? (
        <>
          <input type="hidden" name="addressId" value={address.id} />
          <input type="hidden" name="submission" value={submissionKey} />
          <input type="hidden" name="sheet" value="1" />
          {quote ? <input type="hidden" name="quote" value={quote.quote} /> : null}
          <AddressChoice
            addresses={addresses}
            chosen={address}
            onChoose={setAddress}
            onNewAddress={() => formRef.current && openCheckout(new FormData(formRef.current))}
          />
        </>
      ) : null}
      {card.customisable && (mode !== "buy" || oneTap) ? (
        <div>
          <label htmlFor="buy-note" className="text-sm font-medium">
            {t("buy.note")}
          </label>
          <textarea
            id="buy-note"
            name={oneTap ? `note-${variant.id}` : "customisationNote"}
            maxLength={200}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2"
            rows={2}
          />
        </div>
      ) : null}
      {status.kind === "error" || status.kind === "refused" ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {status.kind === "error"
            ? t(status.key)
            : status.messages.map((m) => (MESSAGE_KEY.test(m) ? t(m) : m)).join(" ")}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={unavailable || status.kind === "sending" || (oneTap && quote === undefined)}
        className="flex min-h-12 w-full items-center justify-center rounded-full bg-brand-600 font-medium text-white disabled:opacity-60"
      >
        {status.kind === "sending"
          ? t(oneTap ? "buy.placing" : "buy.sending")
          : t(oneTap ? "buy.placeOrder" : mode === "buy" ? "buy.submitBuy" : "buy.submitCart", {
              total: formatMoney(oneTap && quote ? quote.totalFen : price.priceFen * quantity, locale),
            })}
      </button>
      {oneTap ? <QuoteNote quote={quote} locale={locale} /> : null}
    </form>
  );
}
