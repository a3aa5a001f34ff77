// One-tap buying for a signed-in shopper with an address book: the sheet shows where the parcel goes (the default
// address), the server's price delivered, and places the order on the tap. "Change" is one more tap: another
// saved address, or a new one in the full checkout form.
import { useEffect, useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { maskedPhone, type SavedAddress } from "~/domain/accounts/saved-address";
import { fetchQuote, type Quote } from "~/domain/checkout/quote-client";
import { formatMoney } from "~/lib/money";

/** The server's price of the item as chosen, read again whenever the choice changes. */
export function useQuote(params: URLSearchParams | null) {
  const key = params?.toString() ?? "";
  const [quote, setQuote] = useState<{ key: string; value: Quote | null } | null>(null);
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    void fetchQuote(new URLSearchParams(key), controller.signal).then((value) => {
      if (!controller.signal.aborted) setQuote({ key, value });
    });
    return () => controller.abort();
  }, [key]);
  return quote?.key === key ? quote.value : undefined;
}

/** A form key drawn once per sheet, so the same tap sent twice (a retry) places one order. */
export function newSubmissionKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

type ChoiceProps = {
  addresses: SavedAddress[];
  chosen: SavedAddress;
  onChoose: (address: SavedAddress) => void;
  onNewAddress: () => void;
};

/** Where the parcel goes, with "change": a list of the saved addresses and "enter a new address". */
export function AddressChoice({ addresses, chosen, onChoose, onNewAddress }: ChoiceProps) {
  const { t } = useTranslation("live");
  const [open, setOpen] = useState(false);
  const line = (a: SavedAddress) => `${a.province} ${a.city} ${a.district} ${a.street}`;
  if (!open) {
    return (
      <section
        aria-labelledby="ship-to"
        className="flex items-start gap-3 rounded-xl bg-stone-50 p-3 ring-1 ring-stone-200"
        data-testid="ship-to"
      >
        <div className="min-w-0 flex-1 text-sm">
          <h3 id="ship-to" className="text-xs font-medium text-stone-600">
            {t("buy.shipTo")}
          </h3>
          <p className="font-medium">
            {chosen.recipientName} <span className="font-normal tabular-nums">{maskedPhone(chosen.phone)}</span>
          </p>
          <p className="text-stone-700">{line(chosen)}</p>
        </div>
        <button
          type="button"
          onClick={() => setOpen(true)}
          aria-label={t("buy.changeAddress")}
          className="min-h-11 flex-none rounded-full border border-stone-300 bg-white px-4 text-sm"
        >
          {t("buy.change")}
        </button>
      </section>
    );
  }
  return (
    <fieldset className="space-y-2" data-testid="address-choice">
      <legend className="text-sm font-medium">{t("buy.chooseAddress")}</legend>
      {addresses.map((address) => (
        <label
          key={address.id}
          className="flex cursor-pointer items-start gap-3 rounded-xl p-3 text-sm ring-1 ring-stone-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600"
        >
          <input
            type="radio"
            name="chooseAddress"
            value={address.id}
            defaultChecked={address.id === chosen.id}
            onClick={() => {
              onChoose(address);
              setOpen(false);
            }}
            className="mt-1 h-4 w-4 accent-brand-600"
          />
          <span className="min-w-0">
            <span className="block font-medium">
              {address.recipientName} <span className="font-normal tabular-nums">{maskedPhone(address.phone)}</span>
            </span>
            <span className="block text-stone-700">{line(address)}</span>
          </span>
        </label>
      ))}
      <button
        type="button"
        onClick={onNewAddress}
        className="min-h-11 w-full rounded-full border border-dashed border-stone-400 px-4 text-sm"
      >
        {t("buy.newAddress")}
      </button>
    </fieldset>
  );
}

/** The delivered total under the button: shipping included, or free. */
export function QuoteNote({ quote, locale }: { quote: Quote | null | undefined; locale: string }) {
  const { t } = useTranslation("live");
  if (quote === undefined) return <p className="text-xs text-stone-600">{t("buy.pricing")}</p>;
  if (!quote) return null;
  return (
    <p className="text-xs text-stone-600">
      {quote.discountFen > 0 ? (
        <span className="mr-2 font-medium text-red-700" data-testid="sheet-discount">
          {t("buy.couponSaves", { amount: formatMoney(quote.discountFen, locale) })}
        </span>
      ) : null}
      {quote.shippingFen > 0
        ? t("buy.withShipping", { amount: formatMoney(quote.shippingFen, locale) })
        : t("buy.freeShipping")}
    </p>
  );
}
