// The buyer's review of one order line: the form (stars, text, up to 6 photos, anonymous by default) once its
// parcel is delivered, or the review already written, with the workshop's reply or the reason an admin hid it.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { usePick } from "~/components/live/use-pick";
import { DomainError, InvalidFields } from "~/domain/errors.server";
import { REVIEW_MAX_PHOTOS, ReviewFormSchema } from "~/domain/reviews/review-rules";
import { reviewableLine, submitReview } from "~/domain/reviews/reviews.server";
import type { RouteHandle } from "~/root";
import { requireViewer } from "~/web/auth.server";
import { pageTitle } from "~/web/page-title.server";
import { getLocale, translator } from "~/lib/locale.server";
import {
  deleteStoredImage,
  readImageUploads,
  REVIEW_PHOTO,
  storeImage,
  uploadDirOf,
} from "~/web/uploaded-image.server";

export const handle: RouteHandle = { i18n: ["aftersales", "checkout", "live", "reviews", "studio"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

async function lineOf(request: Request, lineId: string) {
  const viewer = await requireViewer(request);
  try {
    return { viewer, line: await reviewableLine(viewer.id, lineId) };
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { line } = await lineOf(request, params.lineId ?? "");
  return {
    line,
    maxPhotos: REVIEW_MAX_PHOTOS,
    pageTitle: await pageTitle(request, (t) => t("reviews:form.pageTitle")),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireViewer(request);
  const uploadDir = uploadDirOf(context);
  const stored: string[] = [];
  const t = translator(await getLocale(request));
  try {
    // The form is read (within its limits) before the line is looked up, as every action does.
    const { form, images } = await readImageUploads(request, REVIEW_PHOTO, REVIEW_MAX_PHOTOS);
    const { viewer, line } = await lineOf(request, params.lineId ?? "");
    const submission = parseWithZod(form, { schema: ReviewFormSchema });
    if (submission.status !== "success") return data({ errors: submission.reply().error ?? {} }, { status: 400 });
    for (const bytes of images) stored.push(await storeImage(uploadDir, bytes, REVIEW_PHOTO));
    await submitReview(viewer.id, line.id, {
      stars: submission.value.stars,
      text: submission.value.text,
      photos: stored,
      anonymous: submission.value.showName !== "on",
    });
  } catch (error) {
    for (const url of stored) await deleteStoredImage(uploadDir, url);
    if (error instanceof InvalidFields) return data({ errors: error.fields }, { status: 400 });
    if (error instanceof DomainError && error.status < 500)
      return data({ errors: { "": [t(error.messageKey)] } }, { status: error.status });
    throw error;
  }
  return redirect(`/account/reviews/${params.lineId}?notice=saved`);
}

export default function ReviewPage() {
  const { line } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation("reviews");
  const { pick } = usePick();
  const errors = (actionData?.errors ?? {}) as Record<string, string[] | null | undefined>;
  const says = (field: string) => errors[field]?.map((key) => (key.includes(":") ? t(key) : key)).join(" ");
  const title = pick(line.titleZh, line.titleEn);
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-5">
      <h1 className="text-xl font-semibold">{t("form.title", { title })}</h1>
      <p className="text-sm text-stone-600">{pick(line.variantNameZh, line.variantNameEn)}</p>
      {params.get("notice") === "saved" ? (
        <p role="status" className="rounded-xl bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("form.saved")}
        </p>
      ) : null}
      {line.review ? (
        <section aria-labelledby="yours" className="space-y-2 rounded-2xl bg-white p-4 ring-1 ring-stone-200">
          <h2 id="yours" className="font-semibold">
            {t("form.yours")}
          </h2>
          <p aria-label={t("rating.stars", { stars: line.review.stars })}>{"★".repeat(line.review.stars)}</p>
          <p data-as-written>{line.review.text}</p>
          {line.review.hiddenReason ? (
            <p role="alert" className="text-sm text-red-700">
              {t("form.hidden", { reason: line.review.hiddenReason })}
            </p>
          ) : null}
          {line.review.reply ? (
            <p className="text-sm">
              {t("list.reply")} <span data-as-written>{line.review.reply}</span>
            </p>
          ) : null}
        </section>
      ) : !line.delivered ? (
        <p className="rounded-xl bg-amber-50 px-3 py-2 text-sm">{t("form.notDelivered")}</p>
      ) : (
        <Form method="post" encType="multipart/form-data" className="space-y-4">
          <fieldset aria-describedby="stars-error">
            <legend className="text-sm font-medium">{t("form.stars")}</legend>
            <div className="mt-1 flex gap-2">
              {[1, 2, 3, 4, 5].map((n) => (
                <label
                  key={n}
                  className="flex min-h-11 items-center gap-1 rounded-full border border-stone-300 px-3 text-sm"
                >
                  <input type="radio" name="stars" value={n} defaultChecked={n === 5} />
                  <span aria-label={t("rating.stars", { stars: n })}>{"★".repeat(n)}</span>
                </label>
              ))}
            </div>
            {says("stars") ? (
              <p id="stars-error" role="alert" className="text-sm text-red-700">
                {says("stars")}
              </p>
            ) : null}
          </fieldset>
          <div>
            <label htmlFor="review-text" className="text-sm font-medium">
              {t("form.text")}
            </label>
            <textarea
              id="review-text"
              name="text"
              rows={4}
              maxLength={500}
              required
              aria-describedby="text-error"
              className="mt-1 block w-full rounded-lg border border-stone-300 p-2"
            />
            {says("text") ? (
              <p id="text-error" role="alert" className="text-sm text-red-700">
                {says("text")}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="review-photos" className="text-sm font-medium">
              {t("form.photos")}
            </label>
            <input
              id="review-photos"
              name="photos"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              multiple
              aria-describedby="photos-error"
              className="mt-1 block w-full text-sm"
            />
            {says("photos") ? (
              <p id="photos-error" role="alert" className="text-sm text-red-700">
                {says("photos")}
              </p>
            ) : null}
          </div>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="showName" className="mt-1" />
            {t("form.showName")}
          </label>
          {says("") ? (
            <p role="alert" className="text-sm text-red-700">
              {says("")}
            </p>
          ) : null}
          <button
            type="submit"
            className="min-h-11 w-full rounded-full bg-brand-600 px-4 text-sm font-semibold text-white"
          >
            {t("form.submit")}
          </button>
        </Form>
      )}
      <Link to={`/orders/${line.orderId}?token=${line.order.accessToken}`} className="text-sm text-brand-700 underline">
        {t("form.backToOrder")}
      </Link>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
