// Checkout: the cart's lines, or one item bought straight from a live room's pinned card
// (`?variantId=…&showId=…&pinId=…`). `?sheet=1` renders it without the site header, to sit in a sheet over the stream.
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CheckoutSummary } from "~/components/checkout/checkout-summary";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { Button, Field, FieldError, inputClass } from "~/components/ui/field";
import { cartItems } from "~/domain/cart.server";
import { placeOrder, RESERVATION_MINUTES } from "~/domain/checkout.server";
import { DomainError } from "~/domain/errors.server";
import { configuredProviderName } from "~/domain/payments/provider.server";
import { startPayment } from "~/domain/payments/start.server";
import { priceItems, type PricingItem } from "~/domain/pricing.server";
import { getOptionalViewer } from "~/lib/auth.server";
import { cartOwner } from "~/lib/cart-session.server";
import { domainMessage, forbiddenMoneyField } from "~/lib/checkout-request.server";
import { env } from "~/lib/env.server";
import { getLocale } from "~/lib/locale.server";
import { formatMoney } from "~/lib/money";
import { PROVINCES } from "~/lib/provinces";
import { recalledSoldOut } from "~/domain/sold-out-memo.server";
import { BuyNowSchema, CheckoutSchema, MAX_QUANTITY, NOTE_MAX } from "~/lib/checkout-schema";

export const meta: MetaFunction = () => [{ title: "确认订单 · 村播 Cunbo" }];

/** The one item of a buy-now, if this is one; a quantity out of bounds is a 400 with the reason. */
async function buyNowFrom(request: Request, params: URLSearchParams | FormData): Promise<PricingItem | null> {
  if (!params.get("variantId")) return null;
  const parsed = BuyNowSchema.safeParse(
    Object.fromEntries([...params.entries()].filter(([, v]) => typeof v === "string" && v !== "")),
  );
  if (parsed.success) return parsed.data;
  const message = await domainMessage(request, new DomainError("checkout:error.quantity", 400, { max: MAX_QUANTITY }));
  throw new Response(message, { status: 400 });
}

async function itemsFor(request: Request, buyNow: PricingItem | null) {
  if (buyNow) return { items: [buyNow], cartId: null };
  const { owner } = await cartOwner(request);
  return cartItems(owner);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const buyNow = await buyNowFrom(request, url.searchParams);
  const [viewer, { items }] = await Promise.all([getOptionalViewer(request), itemsFor(request, buyNow)]);
  const base = {
    sheet: url.searchParams.get("sheet") === "1",
    buyNow,
    provider: configuredProviderName(),
    holdMinutes: RESERVATION_MINUTES,
  };
  const defaults = { contactName: viewer?.name ?? "", email: viewer?.email ?? "" };
  if (items.length === 0) return { ...base, defaults, priced: null };
  try {
    return { ...base, defaults, priced: await priceItems(items) };
  } catch (error) {
    if (error instanceof DomainError) throw new Response(await domainMessage(request, error), { status: 404 });
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const refuse = async (messageKey: string, status = 400) =>
    data(
      parseWithZod(form, { schema: CheckoutSchema }).reply({
        formErrors: [await domainMessage(request, new DomainError(messageKey, status))],
      }),
      {
        status,
      },
    );
  if (forbiddenMoneyField(form)) return refuse("checkout:error.clientMoney");
  const buyNow = await buyNowFrom(request, form);
  if (!buyNow && form.has("quantity")) return refuse("checkout:error.clientQuantity");
  const submission = parseWithZod(form, { schema: CheckoutSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });

  const { items, cartId } = await itemsFor(request, buyNow);
  const noteErrors: Record<string, string[]> = {};
  const withNotes = items.map((item) => {
    const note = String(form.get(`note-${item.variantId}`) ?? "").trim();
    if (note.length > NOTE_MAX) noteErrors[`note-${item.variantId}`] = ["checkout:error.note"];
    return { ...item, customisationNote: note || item.customisationNote || null };
  });
  if (Object.keys(noteErrors).length) return data(submission.reply({ fieldErrors: noteErrors }), { status: 400 });

  // In a flash sale most late buyers are answered here, before any query.
  const recalled = recalledSoldOut(withNotes);
  if (recalled)
    return data(submission.reply({ formErrors: [await domainMessage(request, recalled)] }), { status: 409 });

  const viewer = await getOptionalViewer(request);
  const { quote, sheet, ...contact } = submission.value;
  let placed;
  try {
    placed = await placeOrder({
      userId: viewer?.id ?? null,
      items: withNotes,
      contact,
      paymentProvider: configuredProviderName(),
      quote,
      cartId,
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data(submission.reply({ formErrors: [await domainMessage(request, error)] }), { status: error.status });
  }
  const orderPage = `/orders/${placed.id}?${new URLSearchParams({ token: placed.accessToken, ...(sheet ? { sheet: "1" } : {}) })}`;
  try {
    const baseUrl = env().PUBLIC_URL ?? new URL(request.url).origin;
    return redirect(await startPayment(placed, { baseUrl, locale: await getLocale(request), sheet: sheet === "1" }));
  } catch (error) {
    // The order and its hold stand; the buyer can press "pay" on the order page once the provider answers.
    console.error(`Could not start the payment of order ${placed.id}:`, error);
    return redirect(`${orderPage}&payError=1`);
  }
}

export default function CheckoutPage() {
  const { t, i18n } = useTranslation("checkout");
  const { priced, buyNow, sheet, provider, holdMinutes, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof CheckoutSchema>>({
    id: "checkout",
    lastResult,
    constraint: getZodConstraint(CheckoutSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CheckoutSchema }),
  });
  const tr = (errors?: string[]) => errors?.map((key) => (key.startsWith("checkout:") ? t(key) : key));
  const en = i18n.language === "en";
  const noteError = (variantId: string) =>
    (lastResult?.error?.[`note-${variantId}`] ?? undefined) as string[] | undefined;

  if (!priced) {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-10 text-center">
        <h1 className="text-2xl font-semibold">{t("checkout.empty")}</h1>
        <Link to="/cart" className="mt-6 inline-block text-brand-700 underline">
          {t("checkout.backToCart")}
        </Link>
      </main>
    );
  }
  const customisable = priced.lines.filter((line) => line.customisable);
  return (
    <main id="main" className={`mx-auto max-w-5xl px-3 sm:px-4 ${sheet ? "py-3" : "py-6"}`}>
      <h1 className="text-xl font-semibold sm:text-2xl">{t("checkout.title")}</h1>
      <Form
        method="post"
        className="mt-4 grid gap-6 md:grid-cols-[1fr_minmax(0,26rem)]"
        // Stripe's page cannot open inside the live room's sheet, so there the payment takes the whole window.
        {...(sheet && provider === "stripe" ? { reloadDocument: true, target: "_top" } : {})}
        {...getFormProps(form)}
      >
        <div className="space-y-6">
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">{t("checkout.contact")}</legend>
            <Field
              label={t("checkout.contactName")}
              autoComplete="name"
              errors={tr(fields.contactName.errors)}
              {...getInputProps(fields.contactName, { type: "text" })}
              id={fields.contactName.id}
            />
            <Field
              label={t("checkout.phone")}
              autoComplete="tel-national"
              inputMode="tel"
              errors={tr(fields.phone.errors)}
              {...getInputProps(fields.phone, { type: "tel" })}
              id={fields.phone.id}
            />
            <Field
              label={t("checkout.email")}
              autoComplete="email"
              errors={tr(fields.email.errors)}
              {...getInputProps(fields.email, { type: "email" })}
              id={fields.email.id}
            />
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">{t("checkout.address")}</legend>
            <div>
              <label htmlFor={fields.province.id} className="block text-sm font-medium text-stone-800">
                {t("checkout.province")}
              </label>
              <select
                className={inputClass}
                autoComplete="address-level1"
                {...getSelectProps(fields.province)}
                id={fields.province.id}
              >
                <option value="">{t("checkout.provincePlaceholder")}</option>
                {PROVINCES.map(([zh, enName]) => (
                  <option key={zh} value={zh}>
                    {en ? enName : zh}
                  </option>
                ))}
              </select>
              <FieldError id={`${fields.province.id}-error`} errors={tr(fields.province.errors)} />
            </div>
            <div className="grid grid-cols-2 gap-3">
              <Field
                label={t("checkout.city")}
                autoComplete="address-level2"
                errors={tr(fields.city.errors)}
                {...getInputProps(fields.city, { type: "text" })}
                id={fields.city.id}
              />
              <Field
                label={t("checkout.district")}
                autoComplete="address-level3"
                errors={tr(fields.district.errors)}
                {...getInputProps(fields.district, { type: "text" })}
                id={fields.district.id}
              />
            </div>
            <Field
              label={t("checkout.street")}
              autoComplete="street-address"
              errors={tr(fields.street.errors)}
              {...getInputProps(fields.street, { type: "text" })}
              id={fields.street.id}
            />
          </fieldset>
          {customisable.length ? (
            <fieldset className="space-y-3">
              <legend className="text-lg font-semibold">{t("checkout.customisation")}</legend>
              {customisable.map((line) => (
                <div key={line.variantId}>
                  <label htmlFor={`note-${line.variantId}`} className="block text-sm font-medium text-stone-800">
                    {t("checkout.customisationFor", {
                      title: en ? line.titleEn : line.titleZh,
                      prompt: (en ? line.customisationPromptEn : line.customisationPromptZh) ?? "",
                    })}
                  </label>
                  <textarea
                    id={`note-${line.variantId}`}
                    name={`note-${line.variantId}`}
                    maxLength={NOTE_MAX}
                    rows={2}
                    defaultValue={line.customisationNote ?? ""}
                    className={inputClass}
                  />
                  <FieldError id={`note-${line.variantId}-error`} errors={tr(noteError(line.variantId))} />
                </div>
              ))}
            </fieldset>
          ) : null}
        </div>
        <div className="space-y-4">
          <h2 className="text-lg font-semibold">{t("checkout.summary")}</h2>
          <CheckoutSummary priced={priced} />
          <p className="text-sm text-stone-700">
            {t("checkout.payWith")}: <strong>{t(`checkout.provider.${provider}`)}</strong>
          </p>
          <input type="hidden" name="quote" value={priced.quote} />
          {sheet ? <input type="hidden" name="sheet" value="1" /> : null}
          {buyNow
            ? Object.entries(buyNow).map(([name, value]) =>
                value == null ? null : <input key={name} type="hidden" name={name} value={String(value)} />,
              )
            : null}
          <FieldError id={form.errorId} errors={form.errors} />
          <Button
            type="submit"
            className="w-full text-lg"
            disabled={priced.hasProblems || navigation.state === "submitting"}
          >
            {t("checkout.placeOrder", { amount: formatMoney(priced.totalFen, i18n.language) })}
          </Button>
          <p className="text-xs text-stone-600">{t("checkout.holdNote", { minutes: holdMinutes })}</p>
          {priced.hasProblems && !buyNow ? (
            <Link to="/cart" className="inline-block text-sm text-brand-700 underline">
              {t("checkout.backToCart")}
            </Link>
          ) : null}
        </div>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
