// The admin's desk: workshops and hosts awaiting approval first, then everyone with their status. Every
// decision is a plain form post, so it works without JavaScript.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { EndSessionsForm, EndSessionsSchema } from "~/components/end-sessions-form";
import { ApprovalBadge, type ApprovalStatus } from "~/components/approval-badge";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { findUserIdByEmail } from "~/domain/accounts/accounts.server";
import { decideHost, decideWorkshop, listForReview } from "~/domain/accounts/approvals.server";
import { NotFound } from "~/domain/errors.server";
import { countStuckRefunds } from "~/domain/payments/owed-refunds.server";
import { countEscalatedAfterSales } from "~/domain/after-sales/desk.server";
import { requireAdmin } from "~/web/auth.server";
import { endSessionsOf } from "~/lib/session.server";
import { shanghaiDay } from "~/lib/shanghai-time";
import { readForm } from "~/web/read-form.server";
import { domainErrorResponse } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "admin", "aftersales", "checkout", "fulfil"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

const DecisionSchema = z.object({
  kind: z.enum(["workshop", "host"]),
  id: z.string().min(1),
  decision: z.enum(["approved", "rejected"]),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const review = await listForReview();
  return {
    pendingWorkshops: review.pendingWorkshops.map((w) => ({ ...w, applied: shanghaiDay(w.createdAt) })),
    pendingHosts: review.pendingHosts.map((h) => ({ ...h, applied: shanghaiDay(h.createdAt) })),
    workshops: review.workshops,
    hosts: review.hosts,
    stuckRefunds: await countStuckRefunds(),
    escalatedAfterSales: await countEscalatedAfterSales(),
    pageTitle: await pageTitle(request, (t) => t("admin:title")),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "end-sessions") {
    const submission = parseWithZod(formData, { schema: EndSessionsSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const userId = await findUserIdByEmail(submission.value.email);
    if (!userId) {
      return data(submission.reply({ fieldErrors: { email: ["admin:endSessions.unknown"] } }), { status: 404 });
    }
    await endSessionsOf(userId);
    return redirect("/admin?done=sessions-ended");
  }
  const parsed = DecisionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Unknown decision", { status: 400 });
  const { kind, id, decision } = parsed.data;
  try {
    if (kind === "workshop") await decideWorkshop(id, decision);
    else await decideHost(id, decision);
  } catch (error) {
    throw await domainErrorResponse(error, request, { only: [NotFound], text: `No such ${kind}` });
  }
  return redirect(`/admin?done=${kind}-${decision}`);
}

function DecisionButtons({
  kind,
  id,
  status,
  label,
}: {
  kind: "workshop" | "host";
  id: string;
  status: ApprovalStatus;
  label: string;
}) {
  const { t } = useTranslation("admin");
  const choices = (["approved", "rejected"] as const).filter((d) => d !== status);
  return (
    <div className="flex gap-2">
      {choices.map((decision) => (
        <Form key={decision} method="post">
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="decision" value={decision} />
          <button
            type="submit"
            aria-label={t(`decide.${decision}Label`, { name: label })}
            className={`min-h-11 rounded-full px-4 text-sm font-medium ${
              decision === "approved"
                ? "bg-leaf-700 text-white hover:bg-leaf-600"
                : "border border-red-300 bg-white text-red-700 hover:bg-red-50"
            }`}
          >
            {t(`decide.${decision}`)}
          </button>
        </Form>
      ))}
    </div>
  );
}

export default function Admin() {
  const { t, i18n } = useTranslation("admin");
  const { pendingWorkshops, pendingHosts, workshops, hosts, stuckRefunds, escalatedAfterSales } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const en = i18n.language === "en";
  const card = "rounded-2xl border border-stone-200 bg-white p-4 shadow-sm";
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        <Link to="/admin/dashboard" className="text-brand-700 underline">
          {t("dashboardLink")}
        </Link>
        <Link
          to="/admin/refunds"
          className={stuckRefunds > 0 ? "font-semibold text-red-700 underline" : "text-brand-700 underline"}
        >
          {t("refundsLink", { count: stuckRefunds })}
        </Link>
        <Link
          to="/admin/after-sales"
          className={escalatedAfterSales > 0 ? "font-semibold text-red-700 underline" : "text-brand-700 underline"}
        >
          {t("aftersales:admin.title", { count: escalatedAfterSales })}
        </Link>
        <Link to="/admin/payouts" className="text-brand-700 underline">
          {t("payoutsLink")}
        </Link>
      </p>
      {done ? (
        <p
          role="status"
          className="rounded-lg border border-leaf-600/30 bg-leaf-600/10 px-3 py-2 font-medium text-leaf-700"
        >
          ✓ {t(`done.${done}`, { defaultValue: t("done.saved") })}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="pending-workshops">
          <h2 id="pending-workshops" className="text-lg font-semibold">
            {t("pending.workshops", { count: pendingWorkshops.length })}
          </h2>
          {pendingWorkshops.length === 0 ? <p className="mt-2 text-stone-600">{t("pending.none")}</p> : null}
          <ul className="mt-3 space-y-3">
            {pendingWorkshops.map((w) => (
              <li key={w.id} className={card}>
                <p className="text-lg font-semibold">{en ? w.nameEn : w.nameZh}</p>
                <p className="text-sm text-stone-700">
                  {en ? `${w.villageEn}, ${w.districtEn}` : `${w.districtZh} ${w.villageZh}`} ·{" "}
                  {t("applied", { date: w.applied })}
                </p>
                {w.members.map((m) => (
                  <p key={m.user.email} className="text-sm text-stone-700">
                    {t("owner", { name: m.user.name, email: m.user.email })}
                  </p>
                ))}
                <div className="mt-3">
                  <DecisionButtons kind="workshop" id={w.id} status={w.status} label={en ? w.nameEn : w.nameZh} />
                </div>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="pending-hosts">
          <h2 id="pending-hosts" className="text-lg font-semibold">
            {t("pending.hosts", { count: pendingHosts.length })}
          </h2>
          {pendingHosts.length === 0 ? <p className="mt-2 text-stone-600">{t("pending.none")}</p> : null}
          <ul className="mt-3 space-y-3">
            {pendingHosts.map((h) => (
              <li key={h.id} className={card}>
                <p className="text-lg font-semibold">{en ? h.displayNameEn : h.displayNameZh}</p>
                <p className="text-sm text-stone-700">
                  <span data-as-written>{h.user.name}</span> · {h.user.email} · {en ? h.villageEn : h.villageZh} ·{" "}
                  {t("applied", { date: h.applied })}
                </p>
                {(en ? h.bioEn : h.bioZh) ? (
                  <p className="mt-1 text-sm text-stone-800">{en ? h.bioEn : h.bioZh}</p>
                ) : null}
                <div className="mt-3">
                  <DecisionButtons
                    kind="host"
                    id={h.id}
                    status={h.status}
                    label={en ? h.displayNameEn : h.displayNameZh}
                  />
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="all-workshops">
          <h2 id="all-workshops" className="text-lg font-semibold">
            {t("all.workshops", { count: workshops.length })}
          </h2>
          <ul className="mt-3 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
            {workshops.map((w) => (
              <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <span className="min-w-0">
                  <span className="block font-medium">{en ? w.nameEn : w.nameZh}</span>
                  <span className="block text-sm text-stone-600">
                    {en ? w.villageEn : w.villageZh} · {t("products", { count: w._count.products })}
                  </span>
                </span>
                <span className="flex items-center gap-2">
                  <ApprovalBadge status={w.status} />
                  {w.status !== "pending" ? (
                    <DecisionButtons kind="workshop" id={w.id} status={w.status} label={en ? w.nameEn : w.nameZh} />
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="all-hosts">
          <h2 id="all-hosts" className="text-lg font-semibold">
            {t("all.hosts", { count: hosts.length })}
          </h2>
          <ul className="mt-3 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
            {hosts.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <span className="min-w-0">
                  <span className="block font-medium">{en ? h.displayNameEn : h.displayNameZh}</span>
                  <span className="block text-sm text-stone-600">
                    {h.user.email} · {t("shows", { count: h._count.shows })}
                  </span>
                </span>
                <span className="flex items-center gap-2">
                  <ApprovalBadge status={h.status} />
                  {h.status !== "pending" ? (
                    <DecisionButtons
                      kind="host"
                      id={h.id}
                      status={h.status}
                      label={en ? h.displayNameEn : h.displayNameZh}
                    />
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <EndSessionsForm lastResult={lastResult} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
