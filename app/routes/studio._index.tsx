// The studio's front door: the workshops this person manages (an admin: all of them); with only one, go there.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { ApprovalBadge } from "~/components/approval-badge";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { listManagedWorkshops } from "~/domain/accounts/studio-workshops.server";
import { forbidden, requireViewer } from "~/web/auth.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["studio"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!viewer.isAdmin && viewer.memberships.length === 0) forbidden();
  const workshops = await listManagedWorkshops(viewer);
  if (workshops.length === 1) throw redirect(`/studio/${workshops[0].slug}`);
  return { workshops, pageTitle: await pageTitle(request, (t) => t("studio:index.title")) };
}

export default function StudioIndex() {
  const { t, i18n } = useTranslation("studio");
  const { workshops } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-semibold">{t("index.title")}</h1>
      <p className="mt-1 text-stone-700">{t("index.choose")}</p>
      <ul className="mt-5 space-y-3">
        {workshops.map((w) => (
          <li key={w.id}>
            <Link
              to={`/studio/${w.slug}`}
              className="flex min-h-16 items-center justify-between gap-3 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-600"
            >
              <span>
                <span className="block text-lg font-semibold text-stone-900">{en ? w.nameEn : w.nameZh}</span>
                <span className="block text-sm text-stone-600">
                  {en ? w.villageEn : w.villageZh} · {t("index.products", { count: w._count.products })}
                  {w.role ? ` · ${t(`role.${w.role}`)}` : ""}
                </span>
              </span>
              <ApprovalBadge status={w.status} />
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
