// The coupon the host pinned, over the stream: its terms, who funds it, how many are left (falling live), and one
// tap to claim it. A plain form post without JavaScript; with it, a small fetch (no library in the room's bundle).
import { useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import type { CouponCardView } from "~/domain/live/live-state";
import { CouponTermsText } from "../coupon-terms";

type Status = { kind: "idle" } | { kind: "sending" } | { kind: "claimed" } | { kind: "refused"; key: string };

export function CouponCard({
  coupon,
  signedIn,
  redirectTo,
}: {
  coupon: CouponCardView;
  signedIn: boolean;
  redirectTo: string;
}) {
  const { t, i18n } = useTranslation("promotions");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const gone = coupon.remaining <= 0;
  const action = `/coupons/${coupon.couponId}/claim`;
  const funder =
    coupon.funder === "market"
      ? t("card.byMarket")
      : t("card.byWorkshop", { name: (i18n.language === "en" ? coupon.workshopNameEn : coupon.workshopNameZh) ?? "" });

  async function claim(form: HTMLFormElement) {
    setStatus({ kind: "sending" });
    try {
      const response = await fetch(action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        headers: { Accept: "application/json" },
      });
      const reply = (await response.json()) as { ok: boolean; error?: { key: string } };
      setStatus(
        reply.ok ? { kind: "claimed" } : { kind: "refused", key: reply.error?.key ?? "promotions:error.failed" },
      );
    } catch {
      setStatus({ kind: "refused", key: "promotions:error.failed" });
    }
  }

  return (
    <section
      aria-label={t("card.label")}
      data-testid="coupon-card"
      className="flex items-center gap-3 rounded-2xl bg-gradient-to-r from-red-600 to-orange-500 p-3 text-white shadow"
    >
      <div className="min-w-0 flex-1">
        <p className="text-base">
          <CouponTermsText terms={coupon} />
        </p>
        <p className="text-xs text-white/90">
          <span translate="no">{funder}</span> · {t("card.validFor", { hours: coupon.validHours })}
        </p>
        <p className="text-xs font-medium" aria-live="polite" data-testid="coupon-remaining">
          {gone ? t("card.allClaimed") : t("card.remaining", { remaining: coupon.remaining, total: coupon.total })}
        </p>
        {status.kind === "refused" ? (
          <p role="alert" className="mt-1 rounded bg-white/90 px-2 py-0.5 text-xs text-red-800">
            {t(status.key)}
          </p>
        ) : null}
      </div>
      {signedIn ? (
        <form
          method="post"
          action={action}
          onSubmit={(event) => {
            event.preventDefault();
            void claim(event.currentTarget);
          }}
        >
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button
            type="submit"
            disabled={gone || status.kind === "sending" || status.kind === "claimed"}
            className="min-h-11 rounded-full bg-white px-4 text-sm font-semibold text-red-700 disabled:opacity-70"
          >
            {status.kind === "claimed" ? t("card.claimed") : t("card.claim")}
          </button>
        </form>
      ) : (
        <a
          href={`/login?${new URLSearchParams({ redirectTo })}`}
          className="flex min-h-11 items-center rounded-full bg-white px-4 text-sm font-semibold text-red-700"
        >
          {t("card.logInToClaim")}
        </a>
      )}
    </section>
  );
}
