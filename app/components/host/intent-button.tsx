// One tap on the host console: a small form posting an intent to the console's action (a fetcher, so the page and
// the stream stay put; a plain form post without JavaScript). A refusal is shown beside the button.
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";

export type ConsoleReply =
  | { ok: true; intent: string }
  | { ok: false; intent: string; error: { key: string; values?: Record<string, string | number> } };

type Props = {
  intent: string;
  fields?: Record<string, string>;
  label: string;
  pendingLabel?: string;
  className?: string;
  ariaLabel?: string;
  disabled?: boolean;
};

export const buttonStyles = {
  primary:
    "min-h-11 rounded-full bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60",
  danger: "min-h-11 rounded-full bg-red-700 px-4 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60",
  quiet:
    "min-h-11 rounded-full border border-stone-300 bg-white px-4 text-sm text-stone-800 hover:bg-stone-100 disabled:opacity-60",
};

export function ReplyError({ reply }: { reply: ConsoleReply | undefined }) {
  const { t } = useTranslation("live");
  if (!reply || reply.ok || !("error" in reply) || !reply.error) return null;
  return (
    <p role="alert" className="mt-1 text-sm text-red-700">
      {t(reply.error.key, reply.error.values ?? {})}
    </p>
  );
}

export function IntentButton({
  intent,
  fields = {},
  label,
  pendingLabel,
  className = buttonStyles.quiet,
  ariaLabel,
  disabled,
}: Props) {
  const fetcher = useFetcher<ConsoleReply>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" className="inline-block">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} aria-label={ariaLabel} disabled={disabled || busy}>
        {busy && pendingLabel ? pendingLabel : label}
      </button>
      <ReplyError reply={fetcher.data} />
    </fetcher.Form>
  );
}
