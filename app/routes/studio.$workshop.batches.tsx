// This workshop's pre-order batches (e.g. one vat of rice wine): open new ones, move dates, resize, close.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { BatchForm, BatchSchema } from "~/components/studio/batch-form";
import { StudioHeader } from "~/components/studio/studio-header";
import { createBatch, listBatches, listPreorderProducts, updateBatch } from "~/domain/catalogue/batches.server";
import { InvalidFields, NotFound } from "~/domain/errors.server";
import { requireWorkshopMember } from "~/web/auth.server";
import { replyWithFieldErrors } from "~/web/invalid-fields.server";
import { shanghaiDay, shanghaiDayToDate } from "~/lib/shanghai-time";
import { readForm } from "~/web/read-form.server";
import { domainErrorResponse } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "checkout", "fulfil", "studio"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const [batches, products] = await Promise.all([listBatches(workshop.id), listPreorderProducts(workshop.id)]);
  return {
    workshop: { slug: workshop.slug, nameZh: workshop.nameZh, nameEn: workshop.nameEn, status: workshop.status },
    pageTitle: await pageTitle(request, (t) => `${t("fulfil:batch.title")} · ${t("studio:index.title")}`),
    products,
    batches: batches.map((b) => ({
      id: b.id,
      product: b.product,
      reserved: b.reserved,
      form: {
        nameZh: b.nameZh,
        nameEn: b.nameEn,
        readyDate: shanghaiDay(b.readyDate),
        capacity: b.capacity,
        status: b.status,
      },
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workshop, viewer } = await requireWorkshopMember(request, params.workshop ?? "");
  const submission = parseWithZod(await readForm(request), { schema: BatchSchema });
  const formId = submission.payload.batchId ? `batch-${String(submission.payload.batchId)}` : "batch-new";
  if (submission.status !== "success") return data({ formId, result: submission.reply() }, { status: 400 });
  const { batchId, productId, readyDate, ...rest } = submission.value;
  const input = { ...rest, nameEn: rest.nameEn ?? "", readyDate: shanghaiDayToDate(readyDate) };
  try {
    if (batchId) await updateBatch(workshop.id, batchId, input, viewer.id);
    else await createBatch(workshop.id, productId ?? "", input);
  } catch (error) {
    if (error instanceof InvalidFields)
      return data({ formId, result: replyWithFieldErrors(submission, error) }, { status: 400 });
    throw await domainErrorResponse(error, request, { only: [NotFound], text: "Batch not found" });
  }
  return redirect(`/studio/${workshop.slug}/batches?saved=${batchId ? "updated" : "created"}`);
}

export default function Batches() {
  const { t, i18n } = useTranslation("studio");
  const { workshop, products, batches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const en = i18n.language === "en";
  const resultFor = (id: string) => (actionData?.formId === id ? actionData.result : null);
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-5 px-4 py-6">
      <StudioHeader workshop={workshop} />
      <div>
        <h2 className="text-xl font-semibold">{t("batch.title")}</h2>
        <p className="mt-1 text-sm text-stone-600">{t("batch.intro")}</p>
        {saved && !actionData ? (
          <p
            role="status"
            className="mt-3 rounded-lg border border-leaf-600/30 bg-leaf-600/10 px-3 py-2 font-medium text-leaf-700"
          >
            ✓ {t(saved === "created" ? "batch.created" : "batch.saved")}
          </p>
        ) : null}
      </div>

      {batches.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-stone-300 bg-white p-6 text-center text-stone-700">
          {t("batch.none")}
        </p>
      ) : null}
      <ul className="space-y-4">
        {batches.map((b) => (
          <li key={b.id} className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm">
            <h3 className="font-semibold text-stone-900">{en ? b.product.titleEn : b.product.titleZh}</h3>
            <p className="mb-3 text-sm text-stone-700">
              {t("batch.reserved", { reserved: b.reserved, capacity: b.form.capacity })}
            </p>
            <BatchForm
              id={`batch-${b.id}`}
              batchId={b.id}
              lastResult={resultFor(`batch-${b.id}`)}
              defaultValue={b.form}
              submitLabel={t("batch.save")}
            />
          </li>
        ))}
      </ul>

      <section className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("batch.new")}</h2>
        {products.length === 0 ? (
          <p className="text-stone-700">{t("batch.noProducts")}</p>
        ) : (
          <BatchForm
            id="batch-new"
            lastResult={resultFor("batch-new")}
            defaultValue={{ status: "open", productId: products[0].id }}
            submitLabel={t("batch.create")}
            productPicker={products.map((p) => (
              <option key={p.id} value={p.id}>
                {en ? p.titleEn : p.titleZh}
              </option>
            ))}
          />
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
