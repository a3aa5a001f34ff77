// 我的订单: the signed-in shopper's orders, newest first, by tab (all, to pay, to ship, shipped, after-sales), each
// leading to its order page. A guest is told how to reach theirs: the signed link they got at checkout.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { Pager } from "~/components/ui/pager";
import { ORDER_FILTERS, type OrderFilter } from "~/domain/orders/order-filters";
import { myOrders } from "~/domain/orders/my-orders.server";
import { formatMoney } from "~/lib/money";
import { formatShanghai } from "~/lib/shanghai-time";
import { getOptionalViewer } from "~/web/auth.server";
import type { RouteHandle } from "~/root";
import { pageTitle } from "~/web/page-title.server";

export const handle: RouteHandle = { i18n: ["checkout", "fulfil"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

const QuerySchema = z.object({
  status: z.enum(ORDER_FILTERS).default("all"),
  page: z.coerce.number().int().min(0).max(1000).default(0),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = QuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new Response("Unknown order filter or page", { status: 400 });
  const viewer = await getOptionalViewer(request);
  const title = await pageTitle(request, (t) => t("checkout:myOrders.title"));
  if (!viewer) return { signedIn: false as const, here: url.pathname + url.search, pageTitle: title };
  const { status, page } = query.data;
  return {
    signedIn: true as const,
    filter: status,
    page,
    ...(await myOrders(viewer.id, status, page)),
    pageTitle: title,
  };
}

const tabHref = (filter: OrderFilter, page = 0) => {
  const params = new URLSearchParams({
    ...(filter === "all" ? {} : { status: filter }),
    ...(page ? { page: String(page) } : {}),
  });
  return `/account/orders${params.size ? `?${params}` : ""}`;
};

export default function MyOrders() {
  const { t, i18n } = useTranslation("checkout");
  const data = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const money = (fen: number) => formatMoney(fen, i18n.language);
  if (!data.signedIn) {
    return (
      <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("myOrders.title")}</h1>
        <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">{t("myOrders.guest")}</p>
        <Link
          to={`/login?${new URLSearchParams({ redirectTo: data.here })}`}
          className="inline-flex min-h-11 items-center rounded-full bg-brand-600 px-5 font-medium text-white"
        >
          {t("common:nav.login")}
        </Link>
      </main>
    );
  }
  const { filter, orders, counts, hasMore, page } = data;
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-4 px-3 py-6 sm:px-4">
      <h1 className="text-xl font-semibold sm:text-2xl">{t("myOrders.title")}</h1>
      <nav aria-label={t("myOrders.tabs")} className="-mx-3 overflow-x-auto px-3 sm:mx-0 sm:px-0">
        <ul className="flex gap-1 whitespace-nowrap">
          {ORDER_FILTERS.map((f) => (
            <li key={f}>
              <Link
                to={tabHref(f)}
                aria-current={f === filter ? "page" : undefined}
                className={`inline-flex min-h-11 items-center gap-1 rounded-full px-3 text-sm ${
                  f === filter ? "bg-brand-600 font-medium text-white" : "bg-white text-stone-800 ring-1 ring-stone-200"
                }`}
              >
                {t(`myOrders.filter.${f}`)}
                {counts[f] ? (
                  <span
                    className={`rounded-full px-1.5 text-xs ${f === filter ? "bg-white/25" : "bg-brand-100 text-brand-800"}`}
                  >
                    <span className="sr-only">{t("myOrders.count")}</span>
                    {counts[f]}
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {orders.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-center">
          <p className="text-stone-700">{t(filter === "all" ? "myOrders.emptyAll" : "myOrders.empty")}</p>
          <Link to="/" className="mt-3 inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            {t("myOrders.browse")}
          </Link>
        </div>
      ) : (
        <ol className="space-y-3" data-testid="my-orders">
          {orders.map((order) => (
            <li key={order.id} data-order={order.number} data-stage={order.stage}>
              <Link
                to={`/orders/${order.id}`}
                className="block rounded-xl border border-stone-200 bg-white p-3 hover:border-brand-600 sm:p-4"
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="min-w-0 truncate text-sm font-medium">
                    {order.workshops.map((w) => (en ? w.nameEn : w.nameZh)).join(" · ")}
                  </span>
                  <span className="flex-none rounded-full bg-stone-100 px-2.5 py-0.5 text-xs font-medium text-stone-800">
                    {order.lapsed ? t("myOrders.lapsed") : t(`order.stage.${order.stage}`)}
                  </span>
                </span>
                <span className="mt-2 flex gap-2">
                  {order.lines.map((line, index) =>
                    line.image ? (
                      <img
                        key={index}
                        src={line.image}
                        alt=""
                        width={56}
                        height={56}
                        loading="lazy"
                        className="h-14 w-14 flex-none rounded-lg bg-stone-100 object-cover"
                      />
                    ) : null,
                  )}
                  <span className="min-w-0 flex-1 text-sm text-stone-700">
                    {order.lines.map((line, index) => (
                      <span key={index} className="block truncate">
                        {en ? line.titleEn : line.titleZh} × {line.quantity}
                      </span>
                    ))}
                    {order.moreLines ? (
                      <span className="block text-xs text-stone-500">
                        {t("myOrders.moreLines", { count: order.moreLines })}
                      </span>
                    ) : null}
                  </span>
                </span>
                <span className="mt-2 flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                  <span className="text-xs text-stone-600">
                    {t("order.title", { number: order.number })} · {formatShanghai(order.createdAt, i18n.language)}
                  </span>
                  <span>
                    {t("myOrders.items", { count: order.itemCount })}{" "}
                    <span className="font-semibold tabular-nums">
                      {t(order.stage === "to_pay" ? "myOrders.due" : order.paid ? "myOrders.total" : "myOrders.sum")}{" "}
                      {money(order.totalFen)}
                    </span>
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
      <Pager
        label={t("myOrders.pages")}
        prev={page > 0 ? { href: tabHref(filter, page - 1), text: t("myOrders.newer") } : null}
        next={hasMore ? { href: tabHref(filter, page + 1), text: t("myOrders.older") } : null}
      />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
