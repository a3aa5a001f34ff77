// This workshop's coupons: make one (refused, with the reason, when the workshop's share could not carry it) and
// see how each did: claimed, used, the sales it led to.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { CouponDesk } from "~/components/promotions/coupon-desk";
import { StudioHeader } from "~/components/studio/studio-header";
import { DomainError } from "~/domain/errors.server";
import { couponFigures, createCoupon } from "~/domain/promotions/coupons.server";
import { CouponSchema } from "~/domain/promotions/coupon-schema";
import { db } from "~/lib/db.server";
import { getLocale, translator } from "~/lib/locale.server";
import { requireWorkshopMember } from "~/web/auth.server";
import { pageTitle } from "~/web/page-title.server";
import { readForm } from "~/web/read-form.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "checkout", "live", "luckybag", "promotions", "studio"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const [coupons, products, shows] = await Promise.all([
    couponFigures({ workshopId: workshop.id }),
    db.product.findMany({ where: { workshopId: workshop.id, status: "active" }, select: { id: true, titleZh: true } }),
    db.show.findMany({
      where: { status: { not: "ended" }, items: { some: { product: { workshopId: workshop.id } } } },
      select: { id: true, title: true },
      orderBy: { scheduledAt: "asc" },
    }),
  ]);
  return {
    workshop: { slug: workshop.slug, nameZh: workshop.nameZh, nameEn: workshop.nameEn, status: workshop.status },
    coupons,
    products: products.map((p) => ({ id: p.id, label: p.titleZh })),
    shows: shows.map((s) => ({ id: s.id, label: s.title })),
    pageTitle: await pageTitle(request, (t, locale) =>
      t("promotions:page.studioTitle", { workshop: locale === "en" ? workshop.nameEn : workshop.nameZh }),
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workshop, viewer } = await requireWorkshopMember(request, params.workshop ?? "");
  const submission = parseWithZod(await readForm(request), { schema: CouponSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    await createCoupon({ funder: "workshop", workshopId: workshop.id, userId: viewer.id }, submission.value);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const t = translator(await getLocale(request));
    return data(submission.reply({ formErrors: [t(error.messageKey, error.values)] }), { status: error.status });
  }
  return redirect(`/studio/${workshop.slug}/coupons?created=1`);
}

export default function StudioCoupons() {
  const { workshop, coupons, products, shows } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-5 px-4 py-6">
      <StudioHeader workshop={workshop} />
      <CouponDesk coupons={coupons} lastResult={lastResult} products={products} shows={shows} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
