// What the last action did, shown once after the console comes back from it (POST, then redirect, then this).
import { useTranslation } from "~/lib/i18n-react";

type Notice = { kind: string | null; changed: number; refused: number; reason: string | null };

export function QueueNotice({ notice }: { notice: Notice }) {
  const { t } = useTranslation("fulfil");
  if (!notice.kind) return null;
  const bad = notice.refused > 0;
  return (
    <div
      role="status"
      className={`mt-3 rounded-lg p-3 text-sm ${bad ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-900"}`}
    >
      <p>{t(`notice.${notice.kind}`, { count: notice.changed })}</p>
      {bad ? (
        <p>
          {t("notice.refused", { count: notice.refused })}
          {notice.reason ? ` ${t(notice.reason, { status: "" })}` : null}
        </p>
      ) : null}
    </div>
  );
}
