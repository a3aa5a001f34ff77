// Checkout: the cart's lines, or one item bought straight from a live room's pinned card
// (`?variantId=…&showId=…&pinId=…`). `?sheet=1` renders it without the site header, to sit in a sheet over the stream.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import type { z } from "zod";
import { AddressFields, RecipientFields } from "~/components/address-fields";
import { CheckoutSummary } from "~/components/checkout/checkout-summary";
import { ReturnPolicyList } from "~/components/orders/return-policy-notice";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { Button, Field, FieldError, inputClass } from "~/components/ui/field";
import { listAddresses } from "~/domain/accounts/addresses.server";
import { cartItems } from "~/domain/checkout/cart.server";
import { RESERVATION_MINUTES } from "~/domain/checkout/checkout.server";
import { DomainError } from "~/domain/errors.server";
import { configuredProviderName } from "~/domain/payments/provider.server";
import { priceItems, type PricingItem } from "~/domain/checkout/pricing.server";
import { CouponPicker } from "~/components/checkout/coupon-picker";
import { getOptionalViewer } from "~/web/auth.server";
import { cartOwner } from "~/web/cart-session.server";
import { domainMessage } from "~/web/checkout-request.server";
import { env } from "~/lib/env.server";
import { getLocale } from "~/lib/locale.server";
import { formatMoney } from "~/lib/money";
import { sendBuyNow } from "~/domain/checkout/buy-now-client";
import { buyNowItem, submitCheckout } from "~/web/checkout-submission.server";
import { CheckoutSchema, MAX_QUANTITY, NOTE_MAX } from "~/domain/checkout/checkout-schema";
import { readForm } from "~/web/read-form.server";
import { domainErrorResponse } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "aftersales", "checkout"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

/** The one item of a buy-now, if this is one; a quantity out of bounds is a 400 with the reason. */
async function buyNowFrom(request: Request, params: URLSearchParams): Promise<PricingItem | null> {
  const item = buyNowItem(params);
  if (item !== "invalid") return item;
  const message = await domainMessage(request, new DomainError("checkout:error.quantity", 400, { max: MAX_QUANTITY }));
  throw new Response(message, { status: 400 });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const buyNow = await buyNowFrom(request, url.searchParams);
  const [viewer, { items }] = await Promise.all([
    getOptionalViewer(request),
    buyNow ? { items: [buyNow] } : cartOwner(request).then(({ owner }) => cartItems(owner)),
  ]);
  const base = {
    sheet: url.searchParams.get("sheet") === "1",
    buyNow,
    provider: configuredProviderName(),
    holdMinutes: RESERVATION_MINUTES,
    // Drawn for each showing of the form: sending it twice (a retry after a lost answer) places one order.
    submission: crypto.randomUUID(),
    pageTitle: await pageTitle(request, (t) => t("checkout:checkout.title")),
  };
  // A shopper with an address book starts from their default address.
  const home = viewer ? (await listAddresses(viewer.id)).find((address) => address.isDefault) : undefined;
  const defaults = {
    contactName: home?.recipientName ?? viewer?.name ?? "",
    email: viewer?.email ?? "",
    ...(home
      ? { phone: home.phone, province: home.province, city: home.city, district: home.district, street: home.street }
      : {}),
  };
  if (items.length === 0) return { ...base, defaults, priced: null, keep: {} };
  try {
    const coupon = url.searchParams.get("coupon")?.slice(0, 64) || undefined;
    const priced = await priceItems(items, new Date(), { userId: viewer?.id ?? null, choice: coupon });
    // What the page keeps when the coupon changes: the buy-now's item and the sheet flag.
    const keep = Object.fromEntries([...url.searchParams].filter(([name]) => name !== "coupon"));
    return { ...base, defaults, priced, keep };
  } catch (error) {
    throw await domainErrorResponse(error, request, { status: 404 });
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const outcome = await submitCheckout(await readForm(request), {
    locale: await getLocale(request),
    baseUrl: env().PUBLIC_URL ?? new URL(request.url).origin,
    userId: async () => (await getOptionalViewer(request))?.id ?? null,
    cart: async () => cartItems((await cartOwner(request)).owner),
  });
  return outcome.kind === "redirect" ? redirect(outcome.url) : data(outcome.reply, { status: outcome.status });
}

export default function CheckoutPage() {
  const { t, i18n } = useTranslation("checkout");
  const { priced, buyNow, sheet, provider, holdMinutes, defaults, submission, keep } = useLoaderData<typeof loader>();
  const actionResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  // A buy-now with JavaScript goes to the lean endpoint built for flash sales; without it, the form posts here.
  const [buyNowResult, setBuyNowResult] = useState<SubmissionResult<string[]>>();
  const [buying, setBuying] = useState<"idle" | "sending" | "noAnswer">("idle");
  const lastResult = buyNowResult ?? actionResult;
  const [form, fields] = useForm<z.input<typeof CheckoutSchema>>({
    id: "checkout",
    lastResult,
    constraint: getZodConstraint(CheckoutSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CheckoutSchema }),
    onSubmit(event, { formData }) {
      if (!buyNow) return;
      event.preventDefault();
      setBuying("sending");
      void sendBuyNow(formData).then((answer) => {
        if (!answer) return setBuying("noAnswer");
        if ("reply" in answer) {
          setBuyNowResult(answer.reply);
          return setBuying("idle");
        }
        // Stripe's page cannot open inside the live room's sheet, so there the payment takes the whole window.
        if (sheet && provider === "stripe") window.top!.location.assign(answer.redirectTo);
        else if (answer.redirectTo.startsWith("/")) navigate(answer.redirectTo);
        else window.location.assign(answer.redirectTo);
      });
    },
  });
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
      <div className="mt-4 md:ml-auto md:w-[26rem]">
        <CouponPicker options={priced.couponOptions} applied={priced.coupon?.claimId ?? null} keep={keep} />
      </div>
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
            <RecipientFields fields={fields} />
            <Field
              label={t("checkout.email")}
              autoComplete="email"
              errors={fields.email.errors}
              {...getInputProps(fields.email, { type: "email" })}
              id={fields.email.id}
            />
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">{t("checkout.address")}</legend>
            <AddressFields fields={fields} />
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
                  <FieldError id={`note-${line.variantId}-error`} errors={noteError(line.variantId)} />
                </div>
              ))}
            </fieldset>
          ) : null}
        </div>
        <div className="space-y-4">
          <h2 className="text-lg font-semibold">{t("checkout.summary")}</h2>
          <CheckoutSummary priced={priced} />
          <ReturnPolicyList lines={priced.lines} />
          <p className="text-sm text-stone-700">
            {t("checkout.payWith")}: <strong>{t(`checkout.provider.${provider}`)}</strong>
          </p>
          <input type="hidden" name="quote" value={priced.quote} />
          <input type="hidden" name="coupon" value={priced.coupon?.claimId ?? "none"} />
          <input type="hidden" name="submission" value={submission} />
          {sheet ? <input type="hidden" name="sheet" value="1" /> : null}
          {buyNow
            ? Object.entries(buyNow).map(([name, value]) =>
                value == null ? null : <input key={name} type="hidden" name={name} value={String(value)} />,
              )
            : null}
          <FieldError
            id={form.errorId}
            errors={buying === "noAnswer" ? [...(form.errors ?? []), t("error.noAnswer")] : form.errors}
          />
          <Button
            type="submit"
            className="w-full text-lg"
            disabled={priced.hasProblems || navigation.state === "submitting" || buying === "sending"}
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
