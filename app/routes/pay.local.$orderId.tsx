// The local provider's test payment page, clearly labelled: no money moves. "Payment succeeds" drives the
// very same settlement path as a Stripe webhook; "decline" leaves the order waiting, as a declined card would.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { HoldTimer } from "~/components/checkout/hold-timer";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { Button } from "~/components/ui/field";
import { mayView, payableOrder } from "~/domain/orders/orders.server";
import { payLocally } from "~/domain/payments/local-payment.server";
import { getOptionalViewer } from "~/web/auth.server";
import { formatMoney } from "~/lib/money";
import { readForm } from "~/web/read-form.server";
import { domainErrorReply } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "aftersales", "checkout"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

async function findLocalOrder(request: Request, orderId: string, token: string | null) {
  const [order, viewer] = await Promise.all([payableOrder(orderId), getOptionalViewer(request)]);
  const allowed = order && order.paymentProvider === "local" && mayView(order, { userId: viewer?.id ?? null, token });
  if (!order || !allowed) throw new Response("Order not found", { status: 404 });
  return order;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const order = await findLocalOrder(request, params.orderId ?? "", url.searchParams.get("token"));
  return {
    order: {
      id: order.id,
      number: order.number,
      totalFen: order.totalFen,
      status: order.status,
      accessToken: order.accessToken,
      expiresAt: order.expiresAt.toISOString(),
    },
    now: new Date().toISOString(),
    sheet: url.searchParams.get("sheet") === "1",
    pageTitle: await pageTitle(request, (t) => t("checkout:pay.title")),
  };
}

const PaySchema = z.object({ outcome: z.enum(["succeed", "decline"]), token: z.string().max(100).optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = PaySchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const order = await findLocalOrder(request, params.orderId ?? "", parsed.data.token ?? null);
  try {
    const result = await payLocally(order.id, parsed.data.outcome);
    if (result === "declined") return data({ declined: true, error: null }, { status: 402 });
  } catch (error) {
    return domainErrorReply(error, request, (refusal) => ({ declined: false, error: refusal.message }));
  }
  const sheet = new URL(request.url).searchParams.get("sheet") === "1";
  return redirect(
    `/orders/${order.id}?${new URLSearchParams({ token: order.accessToken, paid: "1", ...(sheet ? { sheet: "1" } : {}) })}`,
  );
}

export default function LocalPaymentPage() {
  const { t, i18n } = useTranslation("checkout");
  const { order, sheet, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const orderLink = `/orders/${order.id}?${new URLSearchParams({ token: order.accessToken, ...(sheet ? { sheet: "1" } : {}) })}`;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-8">
      <p
        role="note"
        className="rounded-xl border-2 border-dashed border-amber-500 bg-amber-50 p-3 text-center font-semibold text-amber-900"
      >
        {t("pay.banner")}
      </p>
      <h1 className="mt-6 text-2xl font-semibold">{t("pay.title")}</h1>
      <p className="mt-1 text-stone-700">{t("pay.order", { number: order.number })}</p>
      <p className="mt-4 text-sm text-stone-600">{t("pay.amount")}</p>
      <p className="text-3xl font-bold tabular-nums">{formatMoney(order.totalFen, i18n.language)}</p>
      {order.status === "pending_payment" ? (
        <div className="mt-4">
          <HoldTimer expiresAt={order.expiresAt} renderedAt={now} />
        </div>
      ) : null}
      <p className="mt-4 text-sm text-stone-600">{t("pay.explain")}</p>
      {result?.declined ? (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {t("pay.declined")}
        </p>
      ) : null}
      {result?.error ? (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {result.error}
        </p>
      ) : null}
      {order.status === "pending_payment" ? (
        <Form method="post" className="mt-6 space-y-3">
          <input type="hidden" name="token" value={order.accessToken} />
          <Button type="submit" name="outcome" value="succeed" className="w-full text-lg">
            {t("pay.succeed")}
          </Button>
          <button
            type="submit"
            name="outcome"
            value="decline"
            className="min-h-11 w-full rounded-full border border-stone-300 bg-white px-5 text-stone-800"
          >
            {t("pay.decline")}
          </button>
        </Form>
      ) : (
        <p className="mt-6 rounded-lg bg-stone-100 p-3">{t("pay.notPending")}</p>
      )}
      <Link to={orderLink} className="mt-6 inline-block text-brand-700 underline">
        {t("pay.toOrder")}
      </Link>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
