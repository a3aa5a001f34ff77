// The cart page, and the one place any page posts to when a shopper adds something (intent=add).
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { ADD_TO_CART_ID } from "~/components/add-to-cart-form";
import { LineItem } from "~/components/checkout/line-item";
import { QuantityStepper } from "~/components/checkout/quantity-stepper";
import { Totals } from "~/components/checkout/totals";
import { WorkshopGroup } from "~/components/checkout/workshop-group";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { addToCart, cartItems, removeCartLine, updateCartLine } from "~/domain/checkout/cart.server";
import { priceItems } from "~/domain/checkout/pricing.server";
import { getUserId } from "~/web/auth.server";
import { safeRedirect } from "~/web/auth.server";
import { cartOwner } from "~/web/cart-session.server";
import { MAX_QUANTITY } from "~/domain/checkout/checkout-schema";
import { forbiddenMoneyField } from "~/web/checkout-request.server";
import { getLocale, translator } from "~/lib/locale.server";
import { readForm } from "~/web/read-form.server";
import { domainErrorReply } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "checkout", "store"] };
import { pageTitle } from "~/web/page-title.server";

const id = z.string().trim().min(1).max(64);
const quantity = z.coerce
  .number("checkout:error.quantity")
  .int("checkout:error.quantity")
  .min(1, "checkout:error.quantity")
  .max(MAX_QUANTITY, "checkout:error.quantity");

const CartIntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    variantId: id,
    quantity: quantity.default(1),
    showId: id.optional(),
    pinId: id.optional(),
    flashDealId: id.optional(),
    customisationNote: z.string().trim().max(200, "checkout:error.note").optional(),
    redirectTo: z.string().optional(),
    // How the product page wants to hear it was added: as data (it posts in place), or back on the page.
    answer: z.enum(["data", "page"]).optional(),
  }),
  z.object({
    intent: z.literal("update"),
    lineId: id,
    quantity: quantity.optional(),
    clearDeal: z.literal("1").optional(),
  }),
  z.object({ intent: z.literal("remove"), lineId: id }),
]);

/** The page the add came from; the product page (without JavaScript) gets its "added" message, at its form. */
function backWithNotice(to: string, answer: "data" | "page" | undefined): string {
  if (answer !== "page") return to;
  const url = new URL(to, "http://cart.invalid");
  url.searchParams.set("added", "1");
  return `${url.pathname}${url.search}#${ADD_TO_CART_ID}`;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { owner } = await cartOwner(request);
  const { items } = await cartItems(owner);
  const title = await pageTitle(request, (t) => t("checkout:cart.title"));
  if (items.length === 0) return { lines: [], priced: null, pageTitle: title };
  const priced = await priceItems(items, new Date(), { userId: await getUserId(request) });
  return {
    lines: items.map((item) => ({ lineId: item.lineId, variantId: item.variantId })),
    priced,
    pageTitle: title,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = await getLocale(request);
  const t = translator(locale);
  if (forbiddenMoneyField(form)) return data({ error: t("checkout:error.clientMoney") }, { status: 400 });
  const submission = parseWithZod(form, { schema: CartIntentSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0];
    const message = first?.startsWith("checkout:") ? t(first, { max: MAX_QUANTITY }) : t("checkout:cart.error");
    return data({ error: message }, { status: 400 });
  }
  const input = submission.value;
  const { owner, remember } = await cartOwner(request);
  try {
    if (input.intent === "add") {
      const { newGuestToken } = await addToCart(owner, input);
      const headers = await remember(newGuestToken);
      if (input.answer === "data") return data({ added: true, error: null }, { headers });
      return redirect(backWithNotice(safeRedirect(input.redirectTo, "/cart"), input.answer), { headers });
    }
    if (input.intent === "update")
      await updateCartLine(owner, input.lineId, { quantity: input.quantity, clearDeal: !!input.clearDeal });
    if (input.intent === "remove") await removeCartLine(owner, input.lineId);
    return redirect("/cart");
  } catch (error) {
    return domainErrorReply(error, request, (refusal) => ({ error: refusal.message }));
  }
}

export default function CartPage() {
  const { t, i18n } = useTranslation("checkout");
  const { lines, priced } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lineIdOf = (variantId: string) => lines.find((l) => l.variantId === variantId)?.lineId ?? "";
  const en = i18n.language === "en";
  return (
    <main id="main" className="mx-auto max-w-2xl px-3 py-6 sm:px-4">
      <h1 className="text-2xl font-semibold">{t("cart.title")}</h1>
      {actionData?.error ? (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {actionData.error}
        </p>
      ) : null}
      {!priced ? (
        <div className="mt-8 text-center">
          <p className="text-lg">{t("cart.empty")}</p>
          <p className="mt-1 text-stone-600">{t("cart.emptyHint")}</p>
          <Link to="/" className="mt-6 inline-block rounded-full bg-brand-600 px-6 py-3 font-medium text-white">
            {t("cart.browse")}
          </Link>
        </div>
      ) : (
        <div className="mt-4 space-y-4">
          {priced.groups.map((group) => (
            <WorkshopGroup key={group.workshopId} group={group}>
              {group.lines.map((line) => {
                const lineId = lineIdOf(line.variantId);
                const title = en ? line.titleEn : line.titleZh;
                return (
                  <LineItem
                    key={line.variantId}
                    line={{ ...line, lineTotalFen: line.paidFen, isDeal: line.deal?.status === "active" }}
                  >
                    <div className="mt-2 flex flex-wrap items-end gap-2">
                      <QuantityStepper
                        lineId={lineId}
                        quantity={line.quantity}
                        max={Math.max(1, Math.min(MAX_QUANTITY, line.stock))}
                        title={title}
                      />
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="lineId" value={lineId} />
                        <button
                          type="submit"
                          aria-label={t("cart.removeOf", { title })}
                          className="min-h-11 rounded-full px-3 text-sm text-red-700 underline"
                        >
                          {t("cart.remove")}
                        </button>
                      </Form>
                      {line.problem === "dealEnded" || line.problem === "dealSoldOut" ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="update" />
                          <input type="hidden" name="lineId" value={lineId} />
                          <input type="hidden" name="clearDeal" value="1" />
                          <button
                            type="submit"
                            className="min-h-11 rounded-full border border-brand-600 px-3 text-sm text-brand-700"
                          >
                            {t("cart.keepAtListPrice")}
                          </button>
                        </Form>
                      ) : null}
                    </div>
                    {line.showId ? <p className="mt-1 text-xs text-stone-500">{t("cart.fromShow")}</p> : null}
                  </LineItem>
                );
              })}
            </WorkshopGroup>
          ))}
          <Totals
            subtotalFen={priced.subtotalFen}
            shippingFen={priced.shippingFen}
            totalFen={priced.totalFen}
            premiumFen={priced.premiumFen}
            discountFen={priced.discountFen}
          />
          <Link
            to="/checkout"
            aria-disabled={priced.hasProblems || undefined}
            className="flex min-h-12 w-full items-center justify-center rounded-full bg-brand-600 px-5 font-medium text-white hover:bg-brand-700"
          >
            {t("cart.checkout")}
          </Link>
        </div>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
