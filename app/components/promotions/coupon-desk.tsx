// The body of both coupon pages (a workshop's in the studio, the market's in the admin pages): the "created"
// notice, each coupon's figures, and the form that makes the next one.
import type { ComponentProps } from "react";
import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import type { CouponFigures } from "~/domain/promotions/coupons.server";
import { CouponFiguresTable } from "./coupon-figures";
import { CouponForm } from "./coupon-form";

export function CouponDesk({ coupons, ...form }: { coupons: CouponFigures[] } & ComponentProps<typeof CouponForm>) {
  const { t } = useTranslation("promotions");
  const [searchParams] = useSearchParams();
  return (
    <>
      <p className="text-sm text-stone-600">{t("page.intro")}</p>
      {searchParams.get("created") && !form.lastResult ? (
        <p role="status" className="rounded-lg bg-leaf-600/10 px-3 py-2 font-medium text-leaf-700">
          {t("page.created")}
        </p>
      ) : null}
      <section aria-labelledby="coupon-list" className="space-y-2">
        <h2 id="coupon-list" className="text-lg font-semibold">
          {t("figures.title")}
        </h2>
        <CouponFiguresTable coupons={coupons} />
      </section>
      <CouponForm {...form} />
    </>
  );
}
