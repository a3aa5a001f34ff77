// The buyer's order page: per-workshop status and tracking, kept current over socket.io. Its owner sees it
// signed in; a guest through the signed link (`?token=`) they were sent to after checkout.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import * as z from "zod";
import { reviewsOfOrder } from "~/domain/reviews/reviews.server";
import { useTranslation } from "~/lib/i18n-react";
import { LineItem } from "~/components/checkout/line-item";
import { Totals } from "~/components/checkout/totals";
import { WorkshopGroup } from "~/components/checkout/workshop-group";
import { HoldTimer } from "~/components/checkout/hold-timer";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { AfterSalesPanel } from "~/components/orders/after-sales-panel";
import { afterSalesForOrder } from "~/domain/after-sales/requests.server";
import { Button } from "~/components/ui/field";
import { orderForViewer, type OrderView } from "~/domain/orders/orders.server";
import { startOrderPayment } from "~/domain/payments/start.server";
import { cancelOrderByBuyer, refundOrder } from "~/domain/orders/refunds.server";
import { confirmReceipt } from "~/domain/fulfilment/receipt.server";
import { ParcelStatus } from "~/components/orders/parcel-status";
import { forbidden, getOptionalViewer, requireViewer } from "~/web/auth.server";
import { env } from "~/lib/env.server";
import { getLocale } from "~/lib/locale.server";
import { formatShanghai } from "~/lib/shanghai-time";
import { useOrderUpdates } from "~/components/checkout/use-order-updates";
import { readForm } from "~/web/read-form.server";
import { domainErrorReply, domainErrorResponse } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "aftersales", "checkout", "fulfil", "reviews"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

async function access(request: Request, token: string | null) {
  const viewer = token ? await getOptionalViewer(request) : await requireViewer(request);
  return { viewer, access: { userId: viewer?.id ?? null, isAdmin: viewer?.isAdmin ?? false, token } };
}

async function findOrder(request: Request, orderId: string, token: string | null) {
  const { viewer, access: who } = await access(request, token);
  try {
    return { viewer, order: await orderForViewer(orderId, who) };
  } catch (error) {
    throw await domainErrorResponse(error, request, { status: 404 });
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { viewer, order } = await findOrder(request, params.orderId ?? "", url.searchParams.get("token"));
  return {
    order,
    signedIn: !!viewer,
    isAdmin: !!viewer?.isAdmin,
    autoConfirmDays: env().RECEIPT_AUTO_CONFIRM_DAYS,
    afterSales: await afterSalesForOrder(order.id),
    // The buyer's own reviews of its lines (a review needs a signed-in buyer and a delivered parcel).
    reviews: await reviewsOfOrder(order.id, viewer?.id ?? null),
    now: new Date().toISOString(),
    pageTitle: await pageTitle(request, (t) => t("checkout:order.title", { number: order.number })),
  };
}

const ActionSchema = z.object({
  intent: z.enum(["pay", "cancel", "refund", "confirm"]),
  fulfilmentOrderId: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional(),
  token: z.string().max(100).optional(),
  scope: z.union([z.literal("all"), z.string().regex(/^workshop:[\w-]{1,64}$/)]).optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const { intent, token, scope, fulfilmentOrderId } = parsed.data;
  const { viewer, order } = await findOrder(request, params.orderId ?? "", token ?? null);
  const url = new URL(request.url);
  const back = `${url.pathname}?${new URLSearchParams({ token: order.accessToken, ...(url.searchParams.get("sheet") ? { sheet: "1" } : {}) })}`;
  try {
    if (intent === "pay") {
      const baseUrl = env().PUBLIC_URL ?? url.origin;
      return redirect(
        await startOrderPayment(order.id, {
          baseUrl,
          locale: await getLocale(request),
          sheet: url.searchParams.get("sheet") === "1",
        }),
      );
    }
    if (intent === "cancel") await cancelOrderByBuyer(order.id, viewer?.id ?? null);
    if (intent === "confirm") {
      const parcel = order.groups.find((group) => group.fulfilment?.id === fulfilmentOrderId)?.fulfilment;
      if (!parcel) throw new Response("Bad request", { status: 400 });
      // Only the buyer (signed in, or holding the guest link) says the goods arrived; an admin looking on may not.
      if (!order.asBuyer) forbidden();
      await confirmReceipt({ orderId: order.id, fulfilmentOrderId: parcel.id, actorUserId: viewer?.id ?? null });
    }
    if (intent === "refund") {
      if (!viewer?.isAdmin) forbidden();
      await refundOrder({ orderId: order.id, scope: (scope ?? "all") as "all", actorUserId: viewer.id });
    }
    return redirect(back);
  } catch (error) {
    return domainErrorReply(error, request, (refusal) => ({ error: refusal.message }));
  }
}

function StatusBadge({ status, stage }: { status: OrderView["status"]; stage: OrderView["stage"] }) {
  const { t } = useTranslation("checkout");
  const tone =
    stage === "delivered"
      ? "bg-emerald-100 text-emerald-900"
      : stage === "to_pay" || stage === "problem"
        ? "bg-amber-100 text-amber-900"
        : stage === "cancelled" || stage === "refunded"
          ? "bg-stone-200 text-stone-800"
          : "bg-sky-100 text-sky-900";
  return (
    <span
      data-testid="order-status"
      data-status={status}
      data-stage={stage}
      className={`rounded-full px-3 py-1 text-sm font-medium ${tone}`}
    >
      {t(`order.stage.${stage}`)}
    </span>
  );
}

export default function OrderPage() {
  const { t, i18n } = useTranslation("checkout");
  const { order, signedIn, isAdmin, autoConfirmDays, afterSales, now, reviews } = useLoaderData<typeof loader>();
  const tr = t;
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  useOrderUpdates(order.id, order.accessToken);
  const when = (iso: string) => formatShanghai(iso, i18n.language);
  const hidden = <input type="hidden" name="token" value={order.accessToken} />;
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-4 px-3 py-6 sm:px-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold sm:text-2xl">{t("order.title", { number: order.number })}</h1>
        <StatusBadge status={order.status} stage={order.stage} />
      </div>
      <p className="text-xs text-stone-600" aria-live="polite">
        {t("order.placedAt", { time: when(order.createdAt) })}
        {order.paidAt ? ` · ${t("order.paidAt", { time: when(order.paidAt) })}` : null} · {t("order.live")}
      </p>
      {actionData?.error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {actionData.error}
        </p>
      ) : null}
      {order.status === "paid" && params.has("paid") ? (
        <p className="rounded-lg bg-emerald-50 p-3 text-emerald-900">{t("order.thanks")}</p>
      ) : null}
      {params.has("payError") && order.status === "pending_payment" ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {t("order.payError")}
        </p>
      ) : null}
      {!signedIn ? <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t("order.saveLink")}</p> : null}
      {order.canPay ? (
        <Form method="post" className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-3">
          <HoldTimer expiresAt={order.expiresAt} renderedAt={now} />
          {hidden}
          <Button type="submit" name="intent" value="pay" className="w-full">
            {t("order.pay")}
          </Button>
        </Form>
      ) : order.status === "pending_payment" ? (
        <p className="rounded-lg bg-stone-100 p-3 text-sm">{t("order.lapsed")}</p>
      ) : null}
      {order.groups.map((group) => (
        <WorkshopGroup
          key={group.workshopId}
          group={group}
          footer={
            group.fulfilment ? (
              <ParcelStatus
                parcel={group.fulfilment}
                token={order.accessToken}
                autoConfirmDays={autoConfirmDays}
                actions={
                  <AfterSalesPanel
                    orderId={order.id}
                    token={order.accessToken}
                    parcel={group.fulfilment}
                    requests={afterSales}
                  />
                }
              >
                {isAdmin && group.fulfilment.stage !== "cancelled" ? (
                  <Form method="post">
                    {hidden}
                    <input type="hidden" name="scope" value={`workshop:${group.workshopId}`} />
                    <button
                      type="submit"
                      name="intent"
                      value="refund"
                      className="min-h-11 text-sm text-red-700 underline"
                    >
                      {t("order.refundWorkshop")}
                    </button>
                  </Form>
                ) : null}
              </ParcelStatus>
            ) : null
          }
        >
          {group.lines.map((line) => (
            <LineItem key={line.id} line={line}>
              {reviews && group.fulfilment?.status === "delivered" ? (
                <p className="pb-2 text-right text-sm">
                  {reviews[line.id] ? (
                    <Link to={`/account/reviews/${line.id}`} className="text-stone-600 underline">
                      {reviews[line.id].hiddenReason
                        ? tr("reviews:order.hidden")
                        : tr("reviews:order.reviewed", { stars: reviews[line.id].stars })}
                    </Link>
                  ) : (
                    <Link to={`/account/reviews/${line.id}`} className="font-medium text-brand-700 underline">
                      {tr("reviews:order.review")}
                    </Link>
                  )}
                </p>
              ) : null}
            </LineItem>
          ))}
        </WorkshopGroup>
      ))}
      <Totals
        subtotalFen={order.subtotalFen}
        shippingFen={order.shippingFen}
        totalFen={order.totalFen}
        premiumFen={order.premiumFen}
        discountFen={order.discountFen}
        paid={order.paidAt !== null}
      />
      <section className="rounded-xl border border-stone-200 bg-white p-3 text-sm sm:p-4">
        <h2 className="font-semibold">{t("order.shipTo")}</h2>
        <p className="mt-1" lang="zh-CN">
          {order.contactName} · {order.phone}
        </p>
        <p lang="zh-CN">
          {order.address.province} {order.address.city} {order.address.district} {order.address.street}
        </p>
      </section>
      {order.canCancel ? (
        <Form method="post" className="space-y-1">
          {hidden}
          <button
            type="submit"
            name="intent"
            value="cancel"
            className="min-h-11 w-full rounded-full border border-stone-300 bg-white px-5 text-stone-800"
          >
            {order.status === "paid" ? t("order.cancelPaid") : t("order.cancel")}
          </button>
          {order.status === "paid" ? (
            <p className="text-center text-xs text-stone-600">{t("order.cancelHint")}</p>
          ) : null}
        </Form>
      ) : null}
      {isAdmin && order.status === "paid" ? (
        <Form method="post" className="rounded-xl border border-red-200 p-3">
          <p className="text-sm font-medium">{t("order.adminTools")}</p>
          {hidden}
          <input type="hidden" name="scope" value="all" />
          <button type="submit" name="intent" value="refund" className="mt-2 min-h-11 text-sm text-red-700 underline">
            {t("order.refundAll")}
          </button>
        </Form>
      ) : null}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
