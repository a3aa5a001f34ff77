// The chat as the host sees it: every line with hide and mute, slow mode, and who is muted.
import { useTranslation } from "~/lib/i18n-react";
import type { ChatLine } from "~/domain/live/live-state";
import { buttonStyles, IntentButton } from "./intent-button";

const small = "min-h-9 rounded-full border border-stone-300 bg-white px-3 text-xs text-stone-800 hover:bg-stone-100";

type Props = {
  lines: ChatLine[];
  slowModeSeconds: number;
  slowChoices: readonly number[];
  muted: { userId: string; name: string }[];
};

export function ChatModeration({ lines, slowModeSeconds, slowChoices, muted }: Props) {
  const { t } = useTranslation("live");
  return (
    <div className="space-y-3">
      <div>
        <p className="text-sm font-medium">{t("moderation.slowMode")}</p>
        <div className="mt-1 flex flex-wrap gap-2" role="group" aria-label={t("moderation.slowMode")}>
          {slowChoices.map((seconds) => (
            <IntentButton
              key={seconds}
              intent="slow-mode"
              fields={{ seconds: String(seconds) }}
              label={seconds ? t("moderation.seconds", { count: seconds }) : t("moderation.off")}
              className={seconds === slowModeSeconds ? buttonStyles.primary : buttonStyles.quiet}
            />
          ))}
        </div>
      </div>
      <ol
        className="max-h-96 space-y-1 overflow-y-auto rounded-xl border border-stone-200 bg-white p-2"
        aria-label={t("chat.label")}
      >
        {lines.length === 0 ? <li className="text-sm text-stone-500">{t("moderation.empty")}</li> : null}
        {lines.map((line) => (
          <li
            key={line.id}
            className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-stone-100 py-1 last:border-0"
          >
            <span className="min-w-0 flex-1 text-sm" data-as-written>
              <b className={line.byHost ? "text-amber-700" : "text-sky-800"}>{line.authorName}</b>{" "}
              <span className="break-words">{line.text}</span>
            </span>
            {!line.byHost ? (
              <span className="flex gap-1">
                <IntentButton
                  intent="hide"
                  fields={{ messageId: line.id }}
                  label={t("moderation.hide")}
                  className={small}
                />
                <IntentButton
                  intent="mute"
                  fields={{ messageId: line.id }}
                  label={t("moderation.mute")}
                  className={small}
                />
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {muted.length ? (
        <div>
          <p className="text-sm font-medium">{t("moderation.muted")}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {muted.map((m) => (
              <li key={m.userId} className="flex items-center gap-1 rounded-full bg-stone-100 py-1 pr-1 pl-3 text-sm">
                {m.name}
                <IntentButton
                  intent="unmute"
                  fields={{ userId: m.userId }}
                  label={t("moderation.unmute")}
                  className={small}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
