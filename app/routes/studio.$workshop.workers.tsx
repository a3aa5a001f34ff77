// The workshop's workers (never shown publicly): who they are, the village exchange station they work at, where
// their share of the premium fund is paid, and the work they record each month, typed in or uploaded as CSV.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { StudioHeader } from "~/components/studio/studio-header";
import { Field, FieldError, FieldShell, controlAria, inputClass } from "~/components/ui/field";
import { InvalidInput, NotFound } from "~/domain/errors.server";
import { PAYOUT_ACCOUNT_PROVIDERS, WorkCsvSchema, WorkSchema, WorkerSchema } from "~/domain/payouts/forms";
import { PERIOD_RE } from "~/domain/payouts/period";
import { WORK_UNITS } from "~/domain/payouts/share-out";
import { importWorkCsv, listWorkers, recordWork, saveWorker } from "~/domain/payouts/workers.server";
import { shanghaiDay } from "~/lib/shanghai-time";
import { requireWorkshopMember } from "~/web/auth.server";
import { refusalOf } from "~/web/domain-error-answer.server";
import { pageTitle } from "~/web/page-title.server";
import { readForm } from "~/web/read-form.server";
import type { RouteHandle } from "~/root";
import * as z from "zod";

export const handle: RouteHandle = { i18n: ["account", "checkout", "payouts", "studio"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

const Schema = z.discriminatedUnion("intent", [WorkerSchema, WorkSchema, WorkCsvSchema]);
const CSV_BYTES = 128 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const asked = new URL(request.url).searchParams.get("period") ?? "";
  const period = PERIOD_RE.test(asked) ? asked : shanghaiDay(new Date()).slice(0, 7);
  const workers = await listWorkers(workshop.id, period);
  return {
    workshop: { slug: workshop.slug, nameZh: workshop.nameZh, nameEn: workshop.nameEn, status: workshop.status },
    period,
    workers: workers.map((w) => ({
      id: w.id,
      displayName: w.displayName,
      code: w.code,
      stationZh: w.stationZh,
      remainderTo: w.remainderTo,
      provider: w.account?.provider ?? null,
      accountTail: w.account ? w.account.accountRef.slice(-4) : null,
      records: w.records.map((r) => ({ unit: r.unit, quantity: r.quantity })),
    })),
    pageTitle: await pageTitle(request, (t) => t("payouts:workers.title")),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const form = await readForm(request, { maxBytes: CSV_BYTES + 4096 });
  if (form.get("intent") === "csv") {
    const file = form.get("file");
    const text = file instanceof File ? await file.text() : typeof file === "string" ? file : "";
    try {
      if (!text.trim()) throw new InvalidInput("payouts:error.csvEmpty");
      const count = await importWorkCsv(workshop.id, text);
      return redirect(`/studio/${workshop.slug}/workers?done=imported&count=${count}`);
    } catch (error) {
      const refusal = refusalOf(error, [InvalidInput]);
      if (!refusal) throw error;
      return data({ form: "csv", csvError: refusal, result: null }, { status: 400 });
    }
  }
  const submission = parseWithZod(form, { schema: Schema });
  const formName = String(submission.payload.intent ?? "worker");
  if (submission.status !== "success")
    return data({ form: formName, csvError: null, result: submission.reply() }, { status: 400 });
  const input = submission.value;
  try {
    if (input.intent === "worker") {
      await saveWorker(workshop.id, { ...input, remainderTo: input.remainderTo === "on" });
      return redirect(`/studio/${workshop.slug}/workers?done=saved`);
    }
    if (input.intent === "work") {
      await recordWork(workshop.id, input);
      return redirect(`/studio/${workshop.slug}/workers?done=recorded&period=${input.period}`);
    }
  } catch (error) {
    if (error instanceof NotFound) throw new Response("No such worker", { status: 404 });
    throw error;
  }
  throw new Response("Unknown form", { status: 400 });
}

export default function Workers() {
  const { t } = useTranslation("payouts");
  const { workshop, workers, period } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = ["saved", "recorded", "imported"].find((d) => d === searchParams.get("done"));
  const errorsOf = (form: string, field: string) =>
    actionData?.form === form ? (actionData.result?.error?.[field] ?? undefined) : undefined;
  const button = "min-h-11 rounded-full bg-leaf-700 px-4 text-sm font-medium text-white hover:bg-leaf-600";
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-6">
      <StudioHeader workshop={workshop} />
      <h2 className="text-xl font-semibold">{t("workers.title")}</h2>
      <p className="text-sm text-stone-700">{t("workers.intro")}</p>
      {done ? (
        <p
          role="status"
          className="rounded-lg border border-leaf-600/30 bg-leaf-600/10 px-3 py-2 font-medium text-leaf-700"
        >
          ✓ {t(`workers.done.${done}`, { count: Number(searchParams.get("count") ?? 0) })}
        </p>
      ) : null}
      <Form method="get" className="flex items-end gap-2">
        <Field id="period-pick" name="period" label={t("workers.period")} defaultValue={period} pattern="\d{4}-\d{2}" />
        <button type="submit" className={button}>
          {t("workers.show")}
        </button>
      </Form>
      {workers.length === 0 ? <p className="text-stone-600">{t("workers.none")}</p> : null}
      <ul className="space-y-3">
        {workers.map((w) => (
          <li key={w.id} className="space-y-2 rounded-2xl border border-stone-200 bg-white p-4">
            <p className="font-semibold">
              <span lang="zh-CN" translate="no" data-as-written="">
                {w.displayName}
              </span>
              {w.code ? <span className="ml-2 font-mono text-sm text-stone-600">{w.code}</span> : null}
              {w.remainderTo ? <span className="ml-2 text-sm text-stone-600">{t("workers.remainderMark")}</span> : null}
            </p>
            <p className="text-sm text-stone-700">
              {t("workers.station")}:{" "}
              <span lang="zh-CN" translate="no" data-as-written="">
                {w.stationZh}
              </span>
              {" · "}
              {w.provider
                ? t("workers.account", { provider: t(`provider.${w.provider}`), tail: w.accountTail })
                : t("workers.noAccount")}
            </p>
            <p className="text-sm">
              {w.records.length
                ? w.records.map((r) => t(`unit.${r.unit}`, { count: r.quantity })).join(" · ")
                : t("workers.noWork", { period })}
            </p>
            <Form method="post" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="work" />
              <input type="hidden" name="workerId" value={w.id} />
              <input type="hidden" name="period" value={period} />
              <Field
                id={`qty-${w.id}`}
                name="quantity"
                type="number"
                min={1}
                max={1000000}
                required
                inputMode="numeric"
                label={t("workers.quantity", { name: w.displayName })}
                errors={errorsOf("work", "quantity")}
                className="w-32"
              />
              <FieldShell id={`unit-${w.id}`} label={t("workers.unit")}>
                <select name="unit" {...controlAria(`unit-${w.id}`)} className={inputClass}>
                  {WORK_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {t(`unitName.${u}`)}
                    </option>
                  ))}
                </select>
              </FieldShell>
              <button type="submit" className={button}>
                {t("workers.record")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <section aria-labelledby="csv-title" className="space-y-2 rounded-2xl border border-stone-200 bg-white p-4">
        <h3 id="csv-title" className="font-semibold">
          {t("workers.csvTitle")}
        </h3>
        <p className="text-sm text-stone-700">{t("workers.csvHint")}</p>
        <p className="text-sm">
          <code translate="no">worker,period,unit,quantity · unit = pieces | hours | days</code>
        </p>
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="csv" />
          <FieldShell id="csv-file" label={t("workers.csvFile")}>
            <input
              type="file"
              name="file"
              accept=".csv,text/csv"
              required
              {...controlAria("csv-file", actionData?.csvError ? ["csv"] : undefined)}
              className={inputClass}
            />
          </FieldShell>
          <button type="submit" className={button}>
            {t("workers.upload")}
          </button>
        </Form>
        {actionData?.csvError ? (
          <p id="csv-file-error" role="alert" className="text-sm text-red-800">
            {t(actionData.csvError.key.replace(/^payouts:/, ""), actionData.csvError.values)}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="new-worker" className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4">
        <h3 id="new-worker" className="font-semibold">
          {t("workers.add")}
        </h3>
        <Form method="post" className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="intent" value="worker" />
          <Field
            id="w-name"
            name="displayName"
            label={t("workers.displayName")}
            required
            maxLength={40}
            errors={errorsOf("worker", "displayName")}
          />
          <Field id="w-code" name="code" label={t("workers.code")} maxLength={20} errors={errorsOf("worker", "code")} />
          <Field
            id="w-station"
            name="stationZh"
            label={t("workers.station")}
            required
            maxLength={40}
            errors={errorsOf("worker", "stationZh")}
          />
          <FieldShell id="w-provider" label={t("workers.provider")}>
            <select name="provider" {...controlAria("w-provider")} className={inputClass}>
              {PAYOUT_ACCOUNT_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {t(`provider.${p}`)}
                </option>
              ))}
            </select>
          </FieldShell>
          <Field
            id="w-account"
            name="accountRef"
            label={t("workers.accountRef")}
            required
            minLength={4}
            maxLength={64}
            errors={errorsOf("worker", "accountRef")}
          />
          <Field
            id="w-holder"
            name="accountName"
            label={t("workers.accountName")}
            required
            maxLength={40}
            errors={errorsOf("worker", "accountName")}
          />
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="remainderTo" className="h-5 w-5" />
            {t("workers.remainderTo")}
          </label>
          <div>
            <button type="submit" className={button}>
              {t("workers.save")}
            </button>
          </div>
        </Form>
        <FieldError id="w-form-error" errors={undefined} />
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
