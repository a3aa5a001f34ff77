// The market's statements: the village collectives' and the platform's, and any payee's for an admin to check.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { StatementList, StatementView } from "~/components/payouts/statement-view";
import { requireAdmin } from "~/web/auth.server";
import { pageTitle } from "~/web/page-title.server";
import { statementPage } from "~/web/statement-page.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["payouts"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const page = await statementPage(request, { kind: "market" });
  if (page instanceof Response) return page;
  return { ...page, pageTitle: await pageTitle(request, (t) => t("payouts:statement.marketTitle")) };
}

export default function MarketStatements() {
  const { t } = useTranslation("payouts");
  const { statements, statement } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-5 px-4 py-6">
      <p>
        <Link to="/admin/payouts" className="text-brand-700 underline">
          {t("admin.backToPayouts")}
        </Link>
      </p>
      {statement ? (
        <StatementView statement={statement} backTo="/admin/statements" />
      ) : (
        <>
          <h1 className="text-2xl font-semibold">{t("statement.marketTitle")}</h1>
          <p className="text-sm text-stone-700">{t("admin.statementsIntro")}</p>
          <StatementList statements={statements} />
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
