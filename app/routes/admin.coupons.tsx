// The market's coupons (a platform subsidy): make one for a workshop's goods, a product or a show, and see how each
// did: claimed, used, the sales it led to.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { CouponDesk } from "~/components/promotions/coupon-desk";
import { DomainError } from "~/domain/errors.server";
import { couponFigures, createCoupon } from "~/domain/promotions/coupons.server";
import { CouponSchema } from "~/domain/promotions/coupon-schema";
import { db } from "~/lib/db.server";
import { getLocale, translator } from "~/lib/locale.server";
import { requireAdmin } from "~/web/auth.server";
import { pageTitle } from "~/web/page-title.server";
import { readForm } from "~/web/read-form.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "checkout", "live", "luckybag", "promotions"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [coupons, workshops, products, shows] = await Promise.all([
    couponFigures({ funder: "market" }),
    db.workshop.findMany({
      where: { status: "approved" },
      select: { id: true, nameZh: true },
      orderBy: { nameZh: "asc" },
    }),
    db.product.findMany({
      where: { status: "active" },
      select: { id: true, titleZh: true },
      orderBy: { titleZh: "asc" },
    }),
    db.show.findMany({
      where: { status: { not: "ended" } },
      select: { id: true, title: true },
      orderBy: { scheduledAt: "asc" },
    }),
  ]);
  return {
    coupons,
    workshops: workshops.map((w) => ({ id: w.id, label: w.nameZh })),
    products: products.map((p) => ({ id: p.id, label: p.titleZh })),
    shows: shows.map((s) => ({ id: s.id, label: s.title })),
    pageTitle: await pageTitle(request, (t) => t("promotions:page.adminTitle")),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireAdmin(request);
  const submission = parseWithZod(await readForm(request), { schema: CouponSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    await createCoupon({ funder: "market", workshopId: null, userId: viewer.id }, submission.value);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const t = translator(await getLocale(request));
    return data(submission.reply({ formErrors: [t(error.messageKey, error.values)] }), { status: error.status });
  }
  return redirect("/admin/coupons?created=1");
}

export default function AdminCoupons() {
  const { t } = useTranslation("promotions");
  const { coupons, workshops, products, shows } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-5 px-4 py-6">
      <h1 className="text-2xl font-semibold">{t("page.adminTitle")}</h1>
      <CouponDesk coupons={coupons} lastResult={lastResult} products={products} shows={shows} workshops={workshops} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
