// The time left on an unpaid order's stock hold (剩余支付时间), counting down with JavaScript and a static time
// without, and what happens when it runs out: the order is cancelled and the held stock goes back on sale (the
// expiry job and sweep in reservations.server.ts).
import { useEffect, useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import { formatDuration, formatShanghai } from "~/lib/shanghai-time";

type Props = {
  expiresAt: string;
  /** The server's clock when the page was made, so the count does not depend on the phone's clock. */
  renderedAt: string;
};

export function HoldTimer({ expiresAt, renderedAt }: Props) {
  const { t, i18n } = useTranslation("checkout");
  const leftAtRender = Date.parse(expiresAt) - Date.parse(renderedAt);
  const [leftMs, setLeftMs] = useState(leftAtRender);
  useEffect(() => {
    const deadline = Date.now() + leftAtRender;
    const tick = () => setLeftMs(deadline - Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [leftAtRender]);
  const seconds = Math.max(0, Math.ceil(leftMs / 1000));
  return (
    <div
      className="space-y-1 rounded-xl border border-amber-300 bg-amber-50 p-3 text-amber-950"
      data-testid="hold-timer"
    >
      {seconds > 0 ? (
        <p className="flex flex-wrap items-baseline justify-between gap-x-3">
          <span className="text-sm font-medium">{t("pay.timeLeft")}</span>
          <span role="timer" aria-live="off" className="font-mono text-2xl font-bold tabular-nums">
            {formatDuration(seconds)}
          </span>
        </p>
      ) : (
        <p role="alert" className="font-medium">
          {t("pay.lapsedNow")}
        </p>
      )}
      <p className="text-sm">{t("pay.payBy", { time: formatShanghai(expiresAt, i18n.language) })}</p>
      <p className="text-sm">{t("pay.whenLapsed")}</p>
    </div>
  );
}
