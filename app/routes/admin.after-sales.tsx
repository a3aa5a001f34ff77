// The admin's after-sales desk: requests no workshop answered before its deadline, to decide in its stead.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { AfterSalesAnswer } from "~/components/orders/after-sales-answer";
import { escalatedAfterSales } from "~/domain/after-sales/desk.server";
import { formatShanghai } from "~/lib/shanghai-time";
import { submitAnswer } from "~/web/after-sales-answer.server";
import { requireAdmin } from "~/web/auth.server";
import type { RouteHandle } from "~/root";
import { pageTitle } from "~/web/page-title.server";

export const handle: RouteHandle = { i18n: ["account", "aftersales", "checkout", "fulfil"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return {
    requests: await escalatedAfterSales(),
    now: new Date().toISOString(),
    pageTitle: await pageTitle(request, (t) => t("aftersales:admin.pageTitle")),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const refused = await submitAnswer(request, { admin: true, actorUserId: admin.id });
  return refused ?? redirect("/admin/after-sales");
}

export default function AdminAfterSales() {
  const { t, i18n } = useTranslation("aftersales");
  const { requests, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const en = i18n.language === "en";
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-3 py-6 sm:px-4">
      <p>
        <Link to="/admin" className="text-brand-700 underline">
          {t("admin.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("admin.title", { count: requests.length })}</h1>
      {requests.length === 0 ? (
        <p className="rounded-lg bg-stone-100 p-4 text-stone-700">{t("admin.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {requests.map((r) => (
            <AfterSalesAnswer
              key={r.id}
              request={r}
              now={now}
              error={actionData?.answerError}
              header={
                <p className="text-sm text-stone-700">
                  {t("admin.workshop", { name: en ? r.workshop.nameEn : r.workshop.nameZh })}
                  {r.escalatedAt
                    ? ` · ${t("admin.escalatedAt", { time: formatShanghai(r.escalatedAt, i18n.language) })}`
                    : null}
                </p>
              }
            />
          ))}
        </ul>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
