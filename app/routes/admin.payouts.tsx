// Money out, for admins: settle now (the daily job does it too), prepare a payout run, approve another admin's
// run (maker-checker), download its bank-transfer file and mark each transfer paid with the bank's reference.
// Every step lands in the audit log shown at the foot. Plain form posts: it works without JavaScript.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { FieldError, inputClass } from "~/components/ui/field";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { Conflict, NotAllowed, NotFound } from "~/domain/errors.server";
import { audit, recentAudit } from "~/domain/payouts/audit.server";
import { PayoutRunActionSchema } from "~/domain/payouts/forms";
import {
  approvePayoutRun,
  listPayoutRuns,
  markPayoutPaid,
  preparePayoutRun,
  waitingToBePaid,
} from "~/domain/payouts/payout-runs.server";
import { runSettlement } from "~/domain/payouts/settlement.server";
import { formatMoney } from "~/lib/money";
import { formatShanghai } from "~/lib/shanghai-time";
import { requireAdmin } from "~/web/auth.server";
import { domainErrorResponse } from "~/web/domain-error-answer.server";
import { pageTitle } from "~/web/page-title.server";
import { readForm } from "~/web/read-form.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "aftersales", "checkout", "payouts"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAdmin(request);
  const [runs, waiting, log] = await Promise.all([listPayoutRuns(), waitingToBePaid(), recentAudit(30)]);
  return {
    viewerId: viewer.id,
    waiting,
    runs: runs.map((r) => ({
      id: r.id,
      status: r.status,
      provider: r.provider,
      totalFen: r.totalFen,
      preparedBy: r.preparedBy,
      preparer: r.preparer.name,
      approver: r.approver?.name ?? null,
      preparedAt: r.preparedAt.toISOString(),
      payouts: r.payouts.map((p) => ({
        id: p.id,
        payee: p.payee.displayName,
        kind: p.payeeKind,
        amountFen: p.amountFen,
        status: p.status,
        bankReference: p.bankReference,
        lastError: p.lastError,
      })),
    })),
    log: log.map((l) => ({ id: l.id, action: l.action, actor: l.actorName, ip: l.ip, at: l.createdAt.toISOString() })),
    pageTitle: await pageTitle(request, (t) => t("payouts:admin.title")),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireAdmin(request);
  const actor = { userId: viewer.id, ip: (context as { clientAddress?: string }).clientAddress ?? null };
  const submission = parseWithZod(await readForm(request), { schema: PayoutRunActionSchema });
  if (submission.status !== "success")
    return data({ payoutId: String(submission.payload.payoutId ?? ""), result: submission.reply() }, { status: 400 });
  const input = submission.value;
  try {
    if (input.intent === "settle") {
      const outcome = await runSettlement({ now: new Date(), triggeredBy: viewer.id });
      await audit(actor, "settlement.run", outcome?.settlementId ?? null, { entries: outcome?.entries ?? 0 });
      return redirect(`/admin/payouts?done=${outcome ? "settled" : "nothingToSettle"}`);
    }
    if (input.intent === "prepare") {
      const run = await preparePayoutRun(actor);
      return redirect(`/admin/payouts?done=${run ? "prepared" : "nothingToPay"}`);
    }
    if (input.intent === "approve") {
      await approvePayoutRun(input.runId, actor);
      return redirect("/admin/payouts?done=approved");
    }
    await markPayoutPaid(input.payoutId, input.bankReference, actor);
    return redirect("/admin/payouts?done=marked");
  } catch (error) {
    throw await domainErrorResponse(error, request, { only: [NotFound, NotAllowed, Conflict] });
  }
}

const DONE = ["settled", "nothingToSettle", "prepared", "nothingToPay", "approved", "marked"] as const;

export default function AdminPayouts() {
  const { t, i18n } = useTranslation("payouts");
  const { runs, waiting, log, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = DONE.find((d) => d === searchParams.get("done"));
  const money = (fen: number) => formatMoney(fen, i18n.language);
  const button = "min-h-11 rounded-full bg-leaf-700 px-4 text-sm font-medium text-white hover:bg-leaf-600";
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-6">
      <p className="flex flex-wrap gap-4">
        <Link to="/admin" className="text-brand-700 underline">
          {t("admin.back")}
        </Link>
        <Link to="/admin/statements" className="text-brand-700 underline">
          {t("statement.marketTitle")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
      <p className="text-stone-700">{t("admin.intro")}</p>
      {done ? (
        <p
          role="status"
          className="rounded-lg border border-leaf-600/30 bg-leaf-600/10 px-3 py-2 font-medium text-leaf-700"
        >
          ✓ {t(`admin.done.${done}`)}
        </p>
      ) : null}
      <section className="flex flex-wrap items-center gap-3 rounded-2xl border border-stone-200 bg-white p-4">
        <p className="w-full text-stone-800">
          {t("admin.waiting", { count: waiting.payees, amount: money(waiting.totalFen) })}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="settle" />
          <button type="submit" className={button}>
            {t("admin.settle")}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="prepare" />
          <button type="submit" className={button}>
            {t("admin.prepare")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="runs-title" className="space-y-3">
        <h2 id="runs-title" className="text-xl font-semibold">
          {t("admin.runs", { count: runs.length })}
        </h2>
        {runs.length === 0 ? <p className="text-stone-600">{t("admin.noRuns")}</p> : null}
        {runs.map((run) => (
          <article
            key={run.id}
            className="space-y-2 rounded-2xl border border-stone-200 bg-white p-4"
            aria-label={t("admin.runLabel", { amount: money(run.totalFen) })}
          >
            <p className="font-semibold">
              {t(`runStatus.${run.status}`)} · {money(run.totalFen)} · {run.provider}
            </p>
            <p className="text-sm text-stone-700">
              {t("admin.preparedBy", { name: run.preparer, at: formatShanghai(run.preparedAt, i18n.language) })}
              {run.approver ? ` · ${t("admin.approvedBy", { name: run.approver })}` : ""}
            </p>
            {run.status === "prepared" ? (
              run.preparedBy === viewerId ? (
                <p className="text-sm text-amber-900">{t("admin.needsSecond")}</p>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="runId" value={run.id} />
                  <button type="submit" className={button}>
                    {t("admin.approve")}
                  </button>
                </Form>
              )
            ) : null}
            {run.provider === "manual" ? (
              <a href={`/admin/payouts/${run.id}/transfers.csv`} download className="text-brand-700 underline">
                {t("admin.transferFile")}
              </a>
            ) : null}
            <ul className="divide-y divide-stone-200">
              {run.payouts.map((p) => {
                const errors =
                  actionData?.payoutId === p.id ? (actionData.result.error?.bankReference ?? undefined) : undefined;
                const fieldId = `ref-${p.id}`;
                return (
                  <li key={p.id} className="space-y-1 py-2 text-sm">
                    <p className="flex flex-wrap justify-between gap-2">
                      <span>
                        {t(`payee.${p.kind}`)}{" "}
                        <span lang="zh-CN" translate="no" data-as-written="">
                          {p.payee}
                        </span>
                      </span>
                      <span className="tabular-nums">
                        {money(p.amountFen)} · {t(`payoutStatus.${p.status}`)}
                      </span>
                    </p>
                    {p.bankReference ? <p className="font-mono text-stone-600">{p.bankReference}</p> : null}
                    {p.lastError ? <p className="break-words font-mono text-red-800">{p.lastError}</p> : null}
                    {run.provider === "manual" && p.status !== "paid" && run.status !== "prepared" ? (
                      <Form method="post" className="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="intent" value="markPaid" />
                        <input type="hidden" name="payoutId" value={p.id} />
                        <div>
                          <label htmlFor={fieldId} className="block text-xs font-medium text-stone-800">
                            {t("admin.bankReference", { payee: p.payee })}
                          </label>
                          <input
                            id={fieldId}
                            name="bankReference"
                            required
                            minLength={4}
                            maxLength={64}
                            aria-invalid={errors?.length ? true : undefined}
                            aria-describedby={errors?.length ? `${fieldId}-error` : undefined}
                            className={`${inputClass} max-w-56`}
                          />
                          <FieldError id={`${fieldId}-error`} errors={errors} />
                        </div>
                        <button type="submit" className={button}>
                          {t("admin.markPaid")}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </article>
        ))}
      </section>
      <section aria-labelledby="audit-title">
        <h2 id="audit-title" className="text-xl font-semibold">
          {t("admin.audit")}
        </h2>
        <ul className="mt-2 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white text-sm">
          {log.map((l) => (
            <li key={l.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
              <span>
                {t(`audit.${l.action}`, { defaultValue: l.action })} · {l.actor ?? t("audit.system")}
              </span>
              <span className="text-stone-600">
                {formatShanghai(l.at, i18n.language)} · {l.ip ?? "—"}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
