// The packing room's after-sales tab: the workshop's requests with their counts and the deadline to answer,
// and the answers (approve whole or part, ask for the goods back, refuse with a reason). Plain forms.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { ConsoleNav } from "~/components/fulfil/console-nav";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { AfterSalesAnswer } from "~/components/orders/after-sales-answer";
import { workshopAfterSales } from "~/domain/after-sales/desk.server";
import { AFTER_SALES_STATUSES, type AfterSalesStatus } from "~/domain/after-sales/rules";
import { submitAnswer } from "~/web/after-sales-answer.server";
import { requireWorkshopMember } from "~/web/auth.server";
import type { RouteHandle } from "~/root";
import { pageTitle } from "~/web/page-title.server";

export const handle: RouteHandle = { i18n: ["account", "aftersales", "checkout", "fulfil"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

const isStatus = (value: string | null): value is AfterSalesStatus =>
  AFTER_SALES_STATUSES.includes(value as AfterSalesStatus);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const asked = new URL(request.url).searchParams.get("status");
  const status = isStatus(asked) ? asked : "open";
  const { requests, counts } = await workshopAfterSales(workshop.id, status);
  return {
    slug: workshop.slug,
    status,
    requests,
    counts,
    now: new Date().toISOString(),
    pageTitle: await pageTitle(request, (t) => `${t("aftersales:desk.title")} · ${t("fulfil:console.title")}`),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const refused = await submitAnswer(request, { workshopId: workshop.id, actorUserId: viewer.id });
  if (refused) return refused;
  const url = new URL(request.url);
  return redirect(`${url.pathname}${url.search}`);
}

export default function AfterSalesDesk() {
  const { t } = useTranslation("aftersales");
  const { slug, status, requests, counts, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const open = counts.requested + counts.returned + counts.escalated;
  const tabs: { key: AfterSalesStatus | "open"; label: string; count: number }[] = [
    { key: "open", label: t("desk.open"), count: open },
    ...AFTER_SALES_STATUSES.map((s) => ({ key: s, label: t(`status.${s}`), count: counts[s] })),
  ];
  return (
    <main id="main" className="mx-auto max-w-4xl px-3 py-4 sm:px-4">
      <ConsoleNav slug={slug} current="after-sales" />
      <h1 className="mt-2 text-2xl font-semibold">{t("desk.title")}</h1>
      <nav aria-label={t("desk.title")} className="mt-3 flex flex-wrap gap-1 text-sm">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            to={tab.key === "open" ? "?" : `?status=${tab.key}`}
            aria-current={tab.key === status ? "page" : undefined}
            data-testid={`desk-count-${tab.key}`}
            className={`rounded-full px-3 py-2 ${
              tab.key === status ? "bg-brand-100 font-medium text-brand-700" : "text-stone-700 hover:bg-stone-100"
            }`}
          >
            {tab.label} <span className="tabular-nums">({tab.count})</span>
          </Link>
        ))}
      </nav>
      {requests.length === 0 ? (
        <p className="mt-6 rounded-lg bg-stone-100 p-4 text-stone-700">{t("desk.empty")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {requests.map((r) => (
            <AfterSalesAnswer key={r.id} request={r} now={now} error={actionData?.answerError} />
          ))}
        </ul>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
