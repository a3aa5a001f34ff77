// The add-to-cart form, posted to /cart (the checkout area's action) per the cart contract. The server prices
// everything; this form only says which variant, how many, and the shopper's customisation note. With JavaScript
// it posts in place (a fetcher) and says so beside the buttons; without, the cart redirects back here with a
// message. 立即购买 opens the checkout for this one item. On phones the buttons sit in a bar along the bottom.
import { Link, useFetcher, useNavigate, useSearchParams } from "@remix-run/react";
import { useRef, useSyncExternalStore } from "react";
import { useTranslation } from "~/lib/i18n-react";
import type { ProductDetail } from "~/domain/catalogue/catalogue.server";
import { inputClass } from "./ui/field";
import { StockLine } from "./product-facts";
import { VariantPicker } from "./variant-picker";

export const CUSTOMISATION_NOTE_MAX = 200;
const QUANTITY_MAX = 99;
export const ADD_TO_CART_ID = "add-to-cart";

const noSubscription = () => () => {};

type CartAnswer = { added?: boolean; error?: string };

function AddedNote({ answer, addedWithoutScript }: { answer: CartAnswer | undefined; addedWithoutScript: boolean }) {
  const { t } = useTranslation("store");
  if (answer?.error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {answer.error}
      </p>
    );
  if (!answer?.added && !addedWithoutScript) return null;
  return (
    <p className="flex items-center justify-between gap-2 text-sm font-medium text-leaf-700">
      <span>✓ {t("product.added")}</span>
      <Link to="/cart" className="min-h-11 px-1 py-2.5 text-brand-700 underline underline-offset-4">
        {t("product.toCart")}
      </Link>
    </p>
  );
}

export function AddToCartForm({
  product,
  selected,
  onSelect,
  redirectTo,
}: {
  product: ProductDetail;
  selected: ProductDetail["variants"][number] | null;
  onSelect: (variantId: string) => void;
  redirectTo: string;
}) {
  const { t } = useTranslation("store");
  const fetcher = useFetcher<CartAnswer>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useRef<HTMLFormElement>(null);
  // Set once the page runs its scripts: the cart then answers with data rather than a redirect.
  const inPlace = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const soldOut = !selected || selected.stock <= 0;
  const sending = fetcher.state !== "idle";
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const addedWithoutScript = !fetcher.data && params.get("added") === "1";

  /** With JavaScript, 立即购买 opens the checkout of this item (without, the button's own formaction does). */
  function buyNow(event: React.MouseEvent<HTMLButtonElement>) {
    if (!form.current) return;
    event.preventDefault();
    const fields = new FormData(form.current);
    const query = new URLSearchParams();
    for (const name of ["variantId", "quantity"]) {
      const value = fields.get(name);
      if (typeof value === "string" && value) query.set(name, value);
    }
    navigate(`/checkout?${query}`);
  }

  const buttons = (where: "form" | "bar") => (
    <>
      <button
        type="submit"
        disabled={soldOut || sending}
        form={where === "bar" ? ADD_TO_CART_ID : undefined}
        className="inline-flex min-h-12 flex-1 items-center justify-center rounded-full border-2 border-brand-600 bg-white px-4 py-2 text-base font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:border-stone-300 disabled:text-stone-500"
      >
        {soldOut ? t("product.soldOut") : sending ? t("product.adding") : t("product.addToCart")}
      </button>
      {!soldOut ? (
        <button
          type="submit"
          form={where === "bar" ? ADD_TO_CART_ID : undefined}
          formAction="/checkout"
          formMethod="get"
          onClick={buyNow}
          className="inline-flex min-h-12 flex-1 items-center justify-center rounded-full bg-brand-600 px-4 py-2 text-base font-semibold text-white hover:bg-brand-700"
        >
          {t("product.buyNow")}
        </button>
      ) : null}
    </>
  );

  return (
    <fetcher.Form
      ref={form}
      id={ADD_TO_CART_ID}
      method="post"
      action="/cart"
      preventScrollReset
      className="scroll-mt-20 space-y-4"
    >
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <input type="hidden" name="answer" value={inPlace ? "data" : "page"} />
      <VariantPicker variants={product.variants} selectedId={selected?.id} onSelect={onSelect} />
      {selected ? <StockLine stock={selected.stock} /> : null}
      {product.customisable ? (
        <div>
          <label htmlFor="customisationNote" className="block text-sm font-medium text-stone-800">
            {t("product.customisationLabel")}
          </label>
          {product.customisationPrompt ? (
            <p id="customisation-prompt" className="mt-0.5 text-sm text-stone-600">
              {product.customisationPrompt}
            </p>
          ) : null}
          <textarea
            id="customisationNote"
            name="customisationNote"
            rows={3}
            maxLength={CUSTOMISATION_NOTE_MAX}
            aria-describedby={product.customisationPrompt ? "customisation-prompt" : undefined}
            className={inputClass}
          />
        </div>
      ) : null}
      <div className="flex items-end gap-3">
        <div className="w-24">
          <label htmlFor="quantity" className="block text-sm font-medium text-stone-800">
            {t("product.quantity")}
          </label>
          <input
            id="quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, Math.min(QUANTITY_MAX, selected?.stock ?? 1))}
            defaultValue={1}
            required
            className={`${inputClass} min-h-11`}
          />
        </div>
        <div className="hidden flex-1 gap-3 md:flex">{buttons("form")}</div>
      </div>
      <div role="status" className="hidden md:block">
        <AddedNote answer={answer} addedWithoutScript={addedWithoutScript} />
      </div>
      <div
        data-testid="buy-bar"
        className="fixed inset-x-0 bottom-0 z-10 space-y-1 border-t border-stone-200 bg-white/95 px-3 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] backdrop-blur md:hidden"
      >
        <div role="status">
          <AddedNote answer={answer} addedWithoutScript={addedWithoutScript} />
        </div>
        <div className="flex gap-2">{buttons("bar")}</div>
      </div>
    </fetcher.Form>
  );
}
