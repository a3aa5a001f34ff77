// The host console's coupons: those a host may pin in this show, the one pinned now with how many are left, and a
// tap to pin or take it down (the console's intent buttons: fetchers, or plain posts without JavaScript).
import { useTranslation } from "~/lib/i18n-react";
import { IntentButton, buttonStyles } from "~/components/host/intent-button";
import type { CouponCardView } from "~/domain/live/live-state";
import { CouponTermsText } from "../coupon-terms";

type Pinnable = CouponCardView & { pinned: boolean };

export function CouponPinPanel({
  coupons,
  pinned,
  live,
}: {
  coupons: Pinnable[];
  pinned: CouponCardView | null;
  live: boolean;
}) {
  const { t } = useTranslation("promotions");
  return (
    <section aria-labelledby="coupon-pin-title" className="space-y-2 rounded-2xl bg-white p-3 ring-1 ring-stone-200">
      <h2 id="coupon-pin-title" className="font-semibold">
        {t("host.title")}
      </h2>
      {pinned ? (
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="host-pinned-coupon">
          <CouponTermsText terms={pinned} />
          <span className="text-stone-600">
            {t("card.remaining", { remaining: pinned.remaining, total: pinned.total })}
          </span>
          <IntentButton intent="unpin-coupon" label={t("host.unpin")} />
        </div>
      ) : (
        <p className="text-sm text-stone-600">{live ? t("host.nonePinned") : t("host.notLive")}</p>
      )}
      {coupons.length ? (
        <ul className="divide-y divide-stone-100">
          {coupons.map((coupon) => (
            <li key={coupon.couponId} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <CouponTermsText terms={coupon} />
              <span className="text-stone-600">
                {t("card.remaining", { remaining: coupon.remaining, total: coupon.total })}
              </span>
              {live && pinned?.couponId !== coupon.couponId ? (
                <IntentButton
                  intent="pin-coupon"
                  fields={{ couponId: coupon.couponId }}
                  label={t("host.pin")}
                  className={buttonStyles.primary}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-600">{t("host.noCoupons")}</p>
      )}
    </section>
  );
}
