// This workshop's statements (对账单): its own and its workers' premium fund's, each as a page, a PDF and a CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { StatementList, StatementView } from "~/components/payouts/statement-view";
import { StudioHeader } from "~/components/studio/studio-header";
import { requireWorkshopMember } from "~/web/auth.server";
import { pageTitle } from "~/web/page-title.server";
import { statementPage } from "~/web/statement-page.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["payouts", "studio"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const page = await statementPage(request, { kind: "workshop", workshopId: workshop.id });
  if (page instanceof Response) return page;
  return {
    ...page,
    workshop: { slug: workshop.slug, nameZh: workshop.nameZh, nameEn: workshop.nameEn, status: workshop.status },
    pageTitle: await pageTitle(request, (t) => t("payouts:statement.listTitle")),
  };
}

export default function WorkshopStatements() {
  const { t } = useTranslation("payouts");
  const { workshop, statements, statement } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-5 px-4 py-6">
      <StudioHeader workshop={workshop} />
      {statement ? (
        <StatementView statement={statement} backTo={`/studio/${workshop.slug}/statements`} />
      ) : (
        <>
          <h2 className="text-xl font-semibold">{t("statement.listTitle")}</h2>
          <p className="text-sm text-stone-700">{t("statement.intro")}</p>
          <StatementList statements={statements} />
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
