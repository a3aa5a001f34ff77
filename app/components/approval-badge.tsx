// Where an application to sell or host stands: pending, approved or rejected, as a coloured label.
import { useTranslation } from "~/lib/i18n-react";

export type ApprovalStatus = "pending" | "approved" | "rejected";

const tones: Record<ApprovalStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  approved: "bg-leaf-600/10 text-leaf-700",
  rejected: "bg-red-100 text-red-800",
};

export function ApprovalBadge({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return <span className={`shrink-0 rounded-full px-3 py-1 text-sm ${tones[status]}`}>{t(`status.${status}`)}</span>;
}
