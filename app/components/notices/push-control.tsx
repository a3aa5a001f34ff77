// Turns Web Push on or off for this browser: registers the service worker, asks for permission, subscribes with the
// site's VAPID key and hands the subscription to the server. Without the Push API it says so instead.
import { useEffect, useState } from "react";
import { useTranslation } from "~/lib/i18n-react";

type State = "unknown" | "unsupported" | "denied" | "off" | "on" | "failed" | "busy";

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function post(fields: Record<string, string>) {
  const answer = await fetch("/notices/push", { method: "POST", body: new URLSearchParams(fields) });
  if (!answer.ok) throw new Error(`push subscription refused: ${answer.status}`);
}

/** Where this browser stands: no Push API, blocked, or subscribed or not. */
async function currentState(): Promise<State> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    return "unsupported";
  }
  if (Notification.permission === "denied") return "denied";
  try {
    const registration = await navigator.serviceWorker.getRegistration("/notices-sw.js");
    return (await registration?.pushManager.getSubscription()) ? "on" : "off";
  } catch {
    return "off";
  }
}

export function PushControl({ publicKey }: { publicKey: string }) {
  const { t } = useTranslation("notices");
  const [state, setState] = useState<State>("unknown");

  useEffect(() => {
    void currentState().then(setState);
  }, []);

  const enable = async () => {
    setState("busy");
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState(permission === "denied" ? "denied" : "off");
        return;
      }
      const registration = await navigator.serviceWorker.register("/notices-sw.js");
      await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      });
      const json = subscription.toJSON();
      await post({
        intent: "subscribe",
        endpoint: subscription.endpoint,
        p256dh: json.keys?.p256dh ?? "",
        auth: json.keys?.auth ?? "",
      });
      setState("on");
    } catch {
      setState("failed");
    }
  };

  const disable = async () => {
    setState("busy");
    try {
      const registration = await navigator.serviceWorker.getRegistration("/notices-sw.js");
      const subscription = await registration?.pushManager.getSubscription();
      if (subscription) {
        await post({ intent: "unsubscribe", endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      setState("off");
    } catch {
      setState("failed");
    }
  };

  const message = {
    unknown: null,
    busy: null,
    off: null,
    on: t("push.on"),
    unsupported: t("push.unsupported"),
    denied: t("push.denied"),
    failed: t("push.failed"),
  }[state];
  return (
    <section aria-labelledby="push-title" className="mt-4 rounded-2xl bg-white p-3 ring-1 ring-stone-200">
      <h2 id="push-title" className="font-semibold">
        {t("push.title")}
      </h2>
      <p className="mt-1 text-sm text-stone-700">{t("push.intro")}</p>
      {message ? (
        <p role="status" className="mt-2 text-sm text-stone-800">
          {message}
        </p>
      ) : null}
      {state === "off" || state === "failed" || state === "busy" ? (
        <button
          type="button"
          disabled={state === "busy"}
          onClick={() => void enable()}
          className="mt-2 min-h-11 rounded-full bg-brand-600 px-4 text-sm font-semibold text-white disabled:opacity-60"
        >
          {t("push.enable")}
        </button>
      ) : null}
      {state === "on" ? (
        <button
          type="button"
          onClick={() => void disable()}
          className="mt-2 min-h-11 rounded-full px-4 text-sm font-semibold text-stone-800 ring-1 ring-stone-300"
        >
          {t("push.disable")}
        </button>
      ) : null}
    </section>
  );
}
