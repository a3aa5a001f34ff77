// The admin's list of refunds that keep failing: money a buyer is owed that the provider would not give back
// through every retry. "Try again" is a plain form post, so it works without JavaScript.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { NotFound } from "~/domain/errors.server";
import { listStuckRefunds, retryStuckRefund } from "~/domain/payments/owed-refunds.server";
import { requireAdmin } from "~/web/auth.server";
import { formatMoney } from "~/lib/money";
import { readForm } from "~/web/read-form.server";
import { formatShanghai } from "~/lib/shanghai-time";
import { domainErrorResponse } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["admin", "checkout"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

const RetrySchema = z.object({ orderId: z.string().min(1).max(100) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const stuck = await listStuckRefunds();
  return {
    refunds: stuck.map((r) => ({
      orderId: r.orderId,
      number: r.order.number,
      provider: r.order.paymentProvider,
      amountFen: r.amountFen,
      attempts: r.attempts,
      lastError: r.lastError,
      since: r.createdAt.toISOString(),
    })),
    pageTitle: await pageTitle(request, (t) => t("common:title.refunds")),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const parsed = RetrySchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response("Which order's refund to try again is missing", { status: 400 });
  try {
    const outcome = await retryStuckRefund(parsed.data.orderId);
    return redirect(`/admin/refunds?done=${outcome === "refunded-late" ? "made" : "queued"}`);
  } catch (error) {
    throw await domainErrorResponse(error, request, { only: [NotFound], text: "No refund of that order is waiting" });
  }
}

export default function AdminRefunds() {
  const { t, i18n } = useTranslation("admin");
  const { refunds } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-6">
      <p>
        <Link to="/admin" className="text-brand-700 underline">
          {t("refunds.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("refunds.title", { count: refunds.length })}</h1>
      <p className="text-stone-700">{t("refunds.intro")}</p>
      {done === "made" || done === "queued" ? (
        <p
          role="status"
          className="rounded-lg border border-leaf-600/30 bg-leaf-600/10 px-3 py-2 font-medium text-leaf-700"
        >
          ✓ {t(`refunds.done.${done}`)}
        </p>
      ) : null}
      {refunds.length === 0 ? <p className="text-stone-600">{t("refunds.none")}</p> : null}
      <ul className="space-y-3">
        {refunds.map((r) => (
          <li key={r.orderId} className="rounded-2xl border border-red-200 bg-white p-4 shadow-sm">
            <p className="text-lg font-semibold">
              {t("refunds.order", { number: r.number, amount: formatMoney(r.amountFen, i18n.language) })}
            </p>
            <p className="text-sm text-stone-700">
              {t("refunds.detail", {
                provider: r.provider,
                attempts: r.attempts,
                since: formatShanghai(r.since, i18n.language),
              })}
            </p>
            {r.lastError ? <p className="mt-1 break-words font-mono text-sm text-red-800">{r.lastError}</p> : null}
            <Form method="post" className="mt-3">
              <input type="hidden" name="orderId" value={r.orderId} />
              <button
                type="submit"
                aria-label={t("refunds.retryLabel", { number: r.number })}
                className="min-h-11 rounded-full bg-leaf-700 px-4 text-sm font-medium text-white hover:bg-leaf-600"
              >
                {t("refunds.retry")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
