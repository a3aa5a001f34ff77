// The packing-room console: the workshop's queue (what to pack next), its steps, bulk actions and batch releases.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { BatchPanel } from "~/components/fulfil/batch-panel";
import { BulkShipForm } from "~/components/fulfil/bulk-ship-form";
import { ConsoleNav } from "~/components/fulfil/console-nav";
import { LiveQueueNotice } from "~/components/fulfil/live-queue-notice";
import { ParcelList } from "~/components/fulfil/parcel-list";
import { QueueFilterBar } from "~/components/fulfil/queue-filter-bar";
import { QueueNotice } from "~/components/fulfil/queue-notice";
import { batchesForQueue, releaseBatch } from "~/domain/fulfilment/batch-release.server";
import { NotFound } from "~/domain/errors.server";
import { transitionFulfilment, transitionOne } from "~/domain/fulfilment/flow.server";
import { BulkAcceptSchema, ParcelStepSchema, parseBulkShip, ReleaseSchema } from "~/domain/fulfilment/forms";
import {
  parcelsByIds,
  parseQueueFilters,
  queueFilterOptions,
  workshopQueuePage,
} from "~/domain/fulfilment/queue.server";
import { refundFulfilmentOrder } from "~/domain/fulfilment/refunds.server";
import { trackingNumberInUse } from "~/domain/fulfilment/tracking-reuse.server";
import { requireWorkshopMember } from "~/web/auth.server";
import { readForm } from "~/web/read-form.server";
import { domainErrorReply, domainErrorResponse, refusalOf } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "aftersales", "checkout", "fulfil"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

const NOTICE_PARAMS = ["notice", "changed", "refused", "reason", "view", "ids", "problem", "selection"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const url = new URL(request.url);
  const filters = parseQueueFilters(url.searchParams);
  const now = new Date();
  const shipping = url.searchParams.get("view") === "ship";
  const bulkIds = shipping ? [...new Set(url.searchParams.getAll("ids"))].slice(0, 200) : [];
  const [queue, options, batches, bulkShip] = await Promise.all([
    workshopQueuePage(workshop.id, filters, now),
    queueFilterOptions(workshop.id),
    batchesForQueue(workshop.id),
    shipping ? parcelsByIds(workshop.id, bulkIds, now) : Promise.resolve(null),
  ]);
  if (bulkShip && bulkShip.length !== bulkIds.length) throw new Response("Not found", { status: 404 });
  return {
    workshop: { id: workshop.id, slug: workshop.slug, nameZh: workshop.nameZh, nameEn: workshop.nameEn },
    pageTitle: await pageTitle(request, (t) => t("fulfil:console.title")),
    filters,
    queue,
    options,
    batches,
    bulkShip,
    now,
    problemId: url.searchParams.get("problem"),
    notice: {
      kind: url.searchParams.get("notice"),
      changed: Number(url.searchParams.get("changed") ?? 0),
      refused: Number(url.searchParams.get("refused") ?? 0),
      reason: url.searchParams.get("reason"),
    },
  };
}

/** Back to the queue as it was filtered, with a short note of what happened. */
function backTo(request: Request, notice: Record<string, string | number>) {
  const url = new URL(request.url);
  for (const name of NOTICE_PARAMS) url.searchParams.delete(name);
  for (const [name, value] of Object.entries(notice)) url.searchParams.set(name, String(value));
  return redirect(`${url.pathname}?${url.searchParams}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const base = { workshopId: workshop.id, actorUserId: viewer.id };
  const deps = { refundFulfilmentOrder };
  try {
    if (intent === "bulk-accept") {
      const submission = parseWithZod(formData, { schema: BulkAcceptSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      const result = await transitionFulfilment({
        ...base,
        action: "accept",
        items: submission.value.ids.map((id) => ({ id })),
      });
      return backTo(request, {
        notice: "accept",
        changed: result.changed.length,
        refused: result.refused.length,
        ...(result.refused[0] ? { reason: result.refused[0].reason } : {}),
      });
    }
    if (intent === "bulk-ship") {
      const parsed = parseBulkShip(formData);
      if (!parsed.ok) return data({ intent, bulkErrors: parsed.errors }, { status: 400 });
      const result = await transitionFulfilment({ ...base, action: "ship", items: parsed.items });
      return backTo(request, {
        notice: "ship",
        changed: result.changed.length,
        refused: result.refused.length,
        ...(result.refused[0] ? { reason: result.refused[0].reason } : {}),
      });
    }
    if (intent === "release") {
      const submission = parseWithZod(formData, { schema: ReleaseSchema });
      if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
      const result = await releaseBatch({ ...base, batchId: submission.value.batchId });
      return backTo(request, { notice: "release", changed: result.parcelIds.length });
    }
    const submission = parseWithZod(formData, { schema: ParcelStepSchema });
    if (submission.status !== "success") {
      return data({ intent, id: String(formData.get("id") ?? ""), result: submission.reply() }, { status: 400 });
    }
    const value = submission.value;
    if (value.intent === "ship" && !value.reuseTracking) {
      const reuse = await trackingNumberInUse({ ...value, parcelId: value.id, workshopId: workshop.id });
      // Asked before saving: 409 with the form as typed, and a "save anyway" beside it.
      if (reuse) return data({ intent, id: value.id, reuse, result: submission.reply() }, { status: 409 });
    }
    const result = await transitionOne(
      {
        ...base,
        action: value.intent,
        id: value.id,
        ship: value.intent === "ship" ? { courier: value.courier, trackingNumber: value.trackingNumber } : undefined,
        reason: "reason" in value ? value.reason : undefined,
        refund: "refund" in value ? value.refund : undefined,
      },
      deps,
    );
    return backTo(request, {
      notice: value.intent,
      changed: result.changed.length,
      refused: result.refundFailed.length,
    });
  } catch (error) {
    // Something not found (another workshop's parcel) is a page that cannot be shown; other refusals stay on it.
    if (refusalOf(error, [NotFound])) throw await domainErrorResponse(error, request);
    const id = String(formData.get("id") ?? formData.get("batchId") ?? "");
    return domainErrorReply(error, request, ({ key, values }) => ({ intent, id, error: key, values }));
  }
}

export type ConsoleActionData = ReturnType<typeof useActionData<typeof action>>;

export default function FulfilmentConsole() {
  const { t } = useTranslation("fulfil");
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workshop, queue, filters, options, batches, bulkShip, now, notice, problemId } = loaderData;
  return (
    <main id="main" className="mx-auto max-w-6xl px-3 py-4 sm:px-4">
      <ConsoleNav slug={workshop.slug} current="fulfilment" />
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("console.title")}</h1>
        <LiveQueueNotice workshopId={workshop.id} />
      </div>
      <QueueNotice notice={notice} />
      {actionData && "error" in actionData && actionData.intent === "release" ? (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 p-3 text-red-800">
          {t(actionData.error, actionData.values)}
        </p>
      ) : null}
      {bulkShip ? (
        <BulkShipForm parcels={bulkShip} actionData={actionData} />
      ) : (
        <>
          <BatchPanel batches={batches} />
          <QueueFilterBar filters={filters} options={options} counts={queue.counts} slug={workshop.slug} />
          <ParcelList
            queue={queue}
            filters={filters}
            problemId={problemId}
            now={now}
            slug={workshop.slug}
            actionData={actionData}
          />
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
