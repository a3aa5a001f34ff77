// A worker's statement of their share of the workers' premium (共富价), opened from the private link their
// workshop sends to their phone: their work, everyone's work, the fund, their share and whether it is paid.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { workerStatement } from "~/domain/payouts/workers.server";
import { formatMoney } from "~/lib/money";
import { formatDate } from "~/lib/shanghai-time";
import { pageTitle } from "~/web/page-title.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["checkout", "payouts"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.pageTitle ?? "Cunbo" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const share = token.length <= 64 ? await workerStatement(token) : null;
  if (!share) throw new Response("No such statement", { status: 404 });
  return {
    pageTitle: await pageTitle(request, (t) => t("payouts:payslip.title")),
    worker: share.worker.displayName,
    station: share.worker.stationZh,
    workshopZh: share.worker.workshop.nameZh,
    workshopEn: share.worker.workshop.nameEn,
    period: share.period,
    work: share.work,
    totalWork: share.totalWork,
    fundFen: share.fundFen,
    amountFen: share.payout.amountFen,
    status: share.payout.status,
    paidAt: share.payout.paidAt?.toISOString() ?? null,
  };
}

export default function Payslip() {
  const { t, i18n } = useTranslation("payouts");
  const s = useLoaderData<typeof loader>();
  const money = (fen: number) => formatMoney(fen, i18n.language);
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 px-4 py-6">
      <h1 className="text-2xl font-semibold">{t("payslip.title")}</h1>
      <p className="text-stone-700">
        <span lang="zh-CN" translate="no" data-as-written="">
          {s.worker}
        </span>{" "}
        · {i18n.language === "en" ? s.workshopEn : s.workshopZh} ·{" "}
        <span lang="zh-CN" translate="no" data-as-written="">
          {s.station}
        </span>
      </p>
      <p className="rounded-2xl bg-leaf-600/10 p-4 text-center">
        <span className="block text-sm text-stone-700">{t("payslip.share", { period: s.period })}</span>
        <span className="block text-3xl font-bold tabular-nums text-leaf-700">{money(s.amountFen)}</span>
        <span className="block text-sm">
          {s.status === "paid" && s.paidAt
            ? t("payslip.paidOn", { date: formatDate(s.paidAt, i18n.language) })
            : t(`payoutStatus.${s.status}`)}
        </span>
      </p>
      <dl className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
        <div className="flex justify-between px-4 py-2">
          <dt>{t("payslip.yourWork")}</dt>
          <dd className="tabular-nums">{s.work}</dd>
        </div>
        <div className="flex justify-between px-4 py-2">
          <dt>{t("payslip.allWork")}</dt>
          <dd className="tabular-nums">{s.totalWork}</dd>
        </div>
        <div className="flex justify-between px-4 py-2">
          <dt>{t("payslip.fund")}</dt>
          <dd className="tabular-nums">{money(s.fundFen)}</dd>
        </div>
      </dl>
      <p className="text-sm text-stone-600">{t("payslip.how")}</p>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
