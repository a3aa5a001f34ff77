// The chat over the stream: recent lines (plain text only, never markup) and, for signed-in viewers, a box to
// write in. Lines go over the socket; the server checks length, rate, slow mode and mutes, and says why if not.
import { useEffect, useRef, useState } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import type { ChatLine } from "~/domain/live/live-state";
import type { ChatReply } from "./use-live-room";

type Props = {
  lines: ChatLine[];
  canChat: boolean;
  chatOpen: boolean;
  slowModeSeconds: number;
  loginHref: string;
  send: (text: string) => Promise<ChatReply>;
  maxLength: number;
};

export function ChatLines({ lines, className = "" }: { lines: ChatLine[]; className?: string }) {
  const { t } = useTranslation("live");
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [lines.length]);
  return (
    <ol
      aria-label={t("chat.label")}
      aria-live="polite"
      // It scrolls, so a keyboard must be able to reach it.
      tabIndex={0}
      className={`space-y-1 overflow-y-auto ${className}`}
      data-testid="chat-lines"
    >
      {lines.map((line) => (
        <li key={line.id} className="w-fit max-w-full rounded-2xl bg-black/40 px-2.5 py-1 text-sm text-white">
          <span className={`mr-1 font-medium ${line.byHost ? "text-amber-300" : "text-sky-200"}`}>
            {line.byHost ? `${t("chat.hostTag")} ` : ""}
            <span data-as-written>{line.authorName}</span>
          </span>
          <span className="break-words" data-as-written>
            {line.text}
          </span>
        </li>
      ))}
      <li ref={end} aria-hidden="true" />
    </ol>
  );
}

export function ChatBox({ canChat, chatOpen, slowModeSeconds, loginHref, send, maxLength }: Omit<Props, "lines">) {
  const { t } = useTranslation("live");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (!chatOpen) return null;
  if (!canChat) {
    return (
      <Link
        to={loginHref}
        className="flex min-h-11 flex-1 items-center rounded-full bg-black/40 px-4 text-sm text-white/90"
      >
        {t("chat.signIn")}
      </Link>
    );
  }
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!text.trim() || sending) return;
    setSending(true);
    const reply = await send(text);
    setSending(false);
    if ("ok" in reply) {
      setText("");
      setError(null);
    } else {
      setError(t(reply.error, reply.values ?? {}));
    }
  }
  return (
    <form onSubmit={submit} className="relative flex flex-1 gap-1.5">
      {error ? (
        <p role="alert" className="absolute bottom-full left-0 mb-1 rounded-lg bg-red-700 px-2 py-1 text-xs text-white">
          {error}
        </p>
      ) : null}
      <label htmlFor="chat-input" className="sr-only">
        {t("chat.placeholder")}
      </label>
      <input
        id="chat-input"
        value={text}
        maxLength={maxLength}
        onChange={(event) => setText(event.target.value)}
        placeholder={slowModeSeconds ? t("chat.slowPlaceholder", { seconds: slowModeSeconds }) : t("chat.placeholder")}
        className="min-h-11 min-w-0 flex-1 rounded-full bg-black/40 px-4 text-sm text-white placeholder:text-white/80"
        autoComplete="off"
        enterKeyHint="send"
      />
      <button
        type="submit"
        disabled={sending}
        className="min-h-11 rounded-full bg-brand-600 px-4 text-sm font-medium text-white"
      >
        {t("chat.send")}
      </button>
    </form>
  );
}
