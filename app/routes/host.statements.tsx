// The host's statements: commission on what their shows sold, once it can no longer be returned.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { StatementList, StatementView } from "~/components/payouts/statement-view";
import { requireApprovedHost } from "~/web/auth.server";
import { pageTitle } from "~/web/page-title.server";
import { statementPage } from "~/web/statement-page.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["payouts"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { hostId } = await requireApprovedHost(request);
  const page = await statementPage(request, { kind: "host", hostId });
  if (page instanceof Response) return page;
  return { ...page, pageTitle: await pageTitle(request, (t) => t("payouts:statement.listTitle")) };
}

export default function HostStatements() {
  const { t } = useTranslation("payouts");
  const { statements, statement } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-5 px-4 py-6">
      <p>
        <Link to="/host" className="text-brand-700 underline">
          {t("host.back")}
        </Link>
      </p>
      {statement ? (
        <StatementView statement={statement} backTo="/host/statements" />
      ) : (
        <>
          <h1 className="text-2xl font-semibold">{t("statement.listTitle")}</h1>
          <p className="text-sm text-stone-700">{t("host.intro")}</p>
          <StatementList statements={statements} />
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
