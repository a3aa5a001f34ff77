// A parcel's after-sales page (售后): the buyer opens a request (kind, reason, photo, amount) and, when the
// workshop asks for the goods back, enters the return courier and tracking number. Plain forms: no JavaScript
// needed. Reached like the order page: its owner signed in, a guest through the signed link (`?token=`).
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { AfterSalesRequestForm, ReturnShipmentForm } from "~/components/orders/after-sales-forms";
import { AfterSalesCard } from "~/components/orders/after-sales-panel";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { OpenRequestSchema, ReturnShipmentSchema } from "~/domain/after-sales/forms";
import {
  afterSalesForOrder,
  openRequest,
  recordReturnShipment,
  requestFormFor,
} from "~/domain/after-sales/requests.server";
import { DomainError, InvalidFields } from "~/domain/errors.server";
import type { OrderAccess } from "~/domain/orders/orders.server";
import { getLocale, translator } from "~/lib/locale.server";
import { formatMoney } from "~/lib/money";
import { getOptionalViewer, requireViewer } from "~/web/auth.server";
import { readForm } from "~/web/read-form.server";
import {
  AFTER_SALES_PHOTO,
  deleteStoredImage,
  isMultipart,
  readOptionalImageUpload,
  storeImage,
  uploadDirOf,
} from "~/web/uploaded-image.server";
import type { RouteHandle } from "~/root";
import { pageTitle } from "~/web/page-title.server";

export const handle: RouteHandle = {
  i18n: ["account", "aftersales", "checkout", "fulfil", "live", "reviews", "studio"],
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

const FIELD_OF: Record<string, string> = {
  "aftersales:error.tooMuch": "amount",
  "aftersales:error.amount": "amount",
  "aftersales:error.photoRequired": "photo",
  "aftersales:error.photos": "photo",
  "aftersales:error.quantity": "lines",
  "aftersales:error.noLines": "lines",
  "aftersales:error.note": "note",
  "aftersales:error.noReasonReturns": "kind",
  "fulfil:error.courier": "courier",
  "fulfil:error.tracking": "trackingNumber",
};

async function visitorAccess(request: Request): Promise<{ access: OrderAccess; userId: string | null }> {
  const token = new URL(request.url).searchParams.get("token");
  const viewer = token ? await getOptionalViewer(request) : await requireViewer(request);
  return {
    access: { userId: viewer?.id ?? null, isAdmin: viewer?.isAdmin ?? false, token },
    userId: viewer?.id ?? null,
  };
}

const notFound = () => new Response("Not found", { status: 404 });

async function parcelForm(orderId: string, parcelId: string | null, access: OrderAccess) {
  if (!parcelId || parcelId.length > 64) throw notFound();
  try {
    return await requestFormFor(orderId, parcelId, access);
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) throw notFound();
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { access } = await visitorAccess(request);
  const orderId = params.orderId ?? "";
  const form = await parcelForm(orderId, url.searchParams.get("parcel"), access);
  const requests = (await afterSalesForOrder(orderId)).filter((r) => r.fulfilmentOrderId === form.parcel.id);
  return {
    orderId,
    form,
    requests,
    token: url.searchParams.get("token"),
    pageTitle: await pageTitle(request, (t) => t("aftersales:form.title")),
  };
}

/** The domain's refusal, worded in the visitor's language, beside the field it is about. */
async function refusal(request: Request, error: DomainError, intent: string) {
  const t = translator(await getLocale(request));
  const values = { ...error.values };
  if (typeof values.maxFen === "number") values.max = formatMoney(values.maxFen, await getLocale(request));
  const message =
    error instanceof InvalidFields
      ? t(Object.values(error.fields)[0]?.[0] ?? error.messageKey)
      : t(error.messageKey, values);
  const field = error instanceof InvalidFields ? "photo" : (FIELD_OF[error.messageKey] ?? "");
  return data(
    { intent, result: { status: "error" as const, error: { [field]: [message] } } },
    { status: error.status >= 500 ? 503 : error.status },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const orderId = params.orderId ?? "";
  if (!isMultipart(request)) {
    const formData = await readForm(request);
    const { access, userId } = await visitorAccess(request);
    const submission = parseWithZod(formData, { schema: ReturnShipmentSchema });
    if (submission.status !== "success") return data({ intent: "return", result: submission.reply() }, { status: 400 });
    try {
      await recordReturnShipment({ ...submission.value, orderId, access, actorUserId: userId });
    } catch (error) {
      if (error instanceof DomainError) {
        if (error.status === 404) throw notFound();
        return refusal(request, error, "return");
      }
      throw error;
    }
    return redirect(`${url.pathname}${url.search}`);
  }
  const { access, userId } = await visitorAccess(request);
  // Checked before the photo is read, so nothing is stored for a parcel this visitor may not see.
  const parcel = await parcelForm(orderId, url.searchParams.get("parcel"), access);
  const uploadDir = uploadDirOf(context);
  let photo: string | null = null;
  try {
    const { form, bytes } = await readOptionalImageUpload(request, AFTER_SALES_PHOTO);
    const submission = parseWithZod(form, { schema: OpenRequestSchema });
    if (submission.status !== "success") return data({ intent: "open", result: submission.reply() }, { status: 400 });
    const value = submission.value;
    if (bytes) photo = await storeImage(uploadDir, bytes, AFTER_SALES_PHOTO);
    await openRequest({
      orderId,
      fulfilmentOrderId: parcel.parcel.id,
      access,
      actorUserId: userId,
      kind: value.kind,
      reason: value.reason,
      note: value.note ?? null,
      photos: photo ? [photo] : [],
      amountFen: value.amount,
      lines: value.lines.filter((l) => l.quantity > 0).map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
    });
  } catch (error) {
    if (photo) await deleteStoredImage(uploadDir, photo);
    if (error instanceof DomainError) {
      if (error.status === 404) throw notFound();
      return refusal(request, error, "open");
    }
    throw error;
  }
  return redirect(`${url.pathname}${url.search}`);
}

export default function AfterSalesPage() {
  const { orderId, form, requests, token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("aftersales");
  const back = `/orders/${orderId}${token ? `?${new URLSearchParams({ token })}` : ""}`;
  const awaiting = requests.find((r) => r.status === "awaiting_return");
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-4 px-3 py-6 sm:px-4">
      <p>
        <Link to={back} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("form.back")}
        </Link>
      </p>
      <h1 className="text-xl font-semibold sm:text-2xl">{t("panel.title")}</h1>
      {requests.map((r) => (
        <AfterSalesCard key={r.id} request={r} />
      ))}
      {awaiting ? (
        <ReturnShipmentForm
          requestId={awaiting.id}
          errors={actionData?.intent === "return" ? actionData.result.error : undefined}
        />
      ) : null}
      <AfterSalesRequestForm form={form} errors={actionData?.intent === "open" ? actionData.result.error : undefined} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
