// Small labels on cards and pages: the red live badge, show status, product kinds.
import { useTranslation } from "~/lib/i18n-react";

const tones = {
  live: "bg-red-600 text-white",
  brand: "bg-brand-600 text-white",
  leaf: "bg-leaf-700 text-white",
  muted: "bg-stone-800/85 text-white",
  soft: "bg-white/95 text-stone-800 ring-1 ring-stone-300",
} as const;

export function Badge({
  tone,
  children,
  className = "",
}: {
  tone: keyof typeof tones;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${tones[tone]} ${className}`}
    >
      {children}
    </span>
  );
}

export function LiveBadge({ className }: { className?: string }) {
  const { t } = useTranslation("store");
  return (
    <Badge tone="live" className={className}>
      <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-white" />
      {t("badge.live")}
    </Badge>
  );
}

export function ShowStatusBadge({ status, className }: { status: "scheduled" | "live" | "ended"; className?: string }) {
  const { t } = useTranslation("store");
  if (status === "live") return <LiveBadge className={className} />;
  return (
    <Badge tone={status === "ended" ? "muted" : "brand"} className={className}>
      {t(status === "ended" ? "badge.ended" : "badge.scheduled")}
    </Badge>
  );
}
