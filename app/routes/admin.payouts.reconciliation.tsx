// The daily reconciliation for an admin: every difference between the payout provider's records of one day and
// the ledger's payouts, with its order and payee. A plain GET form picks the day, so it works without JavaScript.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { ReconciliationDifferences } from "~/components/payouts/reconciliation-differences";
import type { RouteHandle } from "~/root";
import { requireAdmin } from "~/web/auth.server";
import { pageTitle } from "~/web/page-title.server";
import { loadReconciliation, reconciliationDay } from "~/web/payout-reconciliation.server";

export const handle: RouteHandle = { i18n: ["admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const day = reconciliationDay(new URL(request.url).searchParams.get("day"));
  return {
    ...(await loadReconciliation(day)),
    pageTitle: await pageTitle(request, (t) => t("common:title.reconciliation")),
  };
}

export default function AdminPayoutReconciliation() {
  const { t } = useTranslation("admin");
  const view = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-6">
      <p>
        <Link to="/admin" className="text-brand-700 underline">
          {t("refunds.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("reconcile.title")}</h1>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm font-medium">
          {t("reconcile.day")}
          <input
            type="date"
            name="day"
            defaultValue={view.day}
            className="mt-1 min-h-11 rounded-lg border border-stone-400 px-3"
          />
        </label>
        <button
          type="submit"
          className="min-h-11 rounded-full bg-leaf-700 px-4 text-sm font-medium text-white hover:bg-leaf-600"
        >
          {t("reconcile.show")}
        </button>
      </Form>
      {view.provider === "manual" ? (
        <p className="text-stone-700">{t("reconcile.manual")}</p>
      ) : (
        <>
          <p className="text-stone-700">
            {t("reconcile.summary", {
              provider: t(`reconcile.providerName.${view.provider}`),
              ledger: view.ledgerCount,
              records: view.providerCount,
            })}
          </p>
          {view.failure ? (
            <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-800">
              {t("reconcile.failed")} <span className="break-words font-mono text-sm">{view.failure}</span>
            </p>
          ) : view.differences.length === 0 ? (
            <p role="status" className="rounded-lg border border-leaf-600/30 bg-leaf-600/10 px-3 py-2 text-leaf-700">
              ✓ {t("reconcile.agree")}
            </p>
          ) : (
            <>
              <h2 className="text-xl font-semibold">
                {t("reconcile.differences", { count: view.differences.length })}
              </h2>
              <ReconciliationDifferences differences={view.differences} />
            </>
          )}
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
