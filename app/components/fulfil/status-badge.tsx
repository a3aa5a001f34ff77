// A parcel's status in words and colour (never colour alone).
import { useTranslation } from "~/lib/i18n-react";
import { fixedLabel } from "./labels";

const TONE: Record<string, string> = {
  waiting: "bg-stone-100 text-stone-700",
  queued: "bg-amber-100 text-amber-900",
  accepted: "bg-sky-100 text-sky-900",
  packed: "bg-indigo-100 text-indigo-900",
  shipped: "bg-green-100 text-green-900",
  delivered: "bg-green-700 text-white",
  exception: "bg-red-100 text-red-900",
  cancelled: "bg-stone-200 text-stone-700 line-through",
};

export function StatusBadge({ status }: { status: string }) {
  const { t, i18n } = useTranslation("fulfil");
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[status] ?? TONE.queued}`}>
      {fixedLabel(t, i18n.language, `status.${status}`)}
    </span>
  );
}
