// The room's share control: the phone's own share sheet where there is one, else the link copied to the clipboard.
// Without JavaScript it is a plain link to the room, which a phone can long-press to share or copy.
import { useState } from "react";
import { useTranslation } from "~/lib/i18n-react";

export function ShareLink({ href, title }: { href: string; title: string }) {
  const { t } = useTranslation("live");
  const [note, setNote] = useState<string | null>(null);
  const share = async () => {
    const url = new URL(href, window.location.href).href;
    if (navigator.share) {
      // A closed share sheet rejects with AbortError: nothing to say then.
      await navigator.share({ title, text: t("room.shareText", { title }), url }).catch(() => undefined);
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setNote(t("room.copied"));
    } catch {
      setNote(t("room.copyFailed"));
    }
  };
  return (
    <span className="relative">
      <a
        href={href}
        onClick={(event) => {
          event.preventDefault();
          void share();
        }}
        className="flex h-11 w-11 items-center justify-center rounded-full bg-black/40 text-white"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-none stroke-current stroke-2">
          <path d="M12 15V3m0 0L8 7m4-4 4 4" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M5 12v7a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-7" strokeLinecap="round" />
        </svg>
        <span className="sr-only">{t("room.share")}</span>
      </a>
      <span
        role="status"
        className={
          note
            ? "absolute right-0 top-12 whitespace-nowrap rounded bg-black/80 px-2 py-1 text-xs text-white"
            : "sr-only"
        }
      >
        {note}
      </span>
    </span>
  );
}
