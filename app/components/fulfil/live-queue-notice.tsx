// New orders arrive in the packing room while it works: joins the workshop's socket room, refreshes the queue on
// every change, shows a notice for each new order and, when staff switch it on, beeps (WebAudio, no sound files).
import { useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "~/lib/i18n-react";
import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, WorkshopRoomPayloads } from "~/domain/events";

const SOUND_KEY = "cunbo.queueSound";

// The sound preference lives in this browser (a shared packing-room laptop keeps its own), read without a
// hydration mismatch: the server renders "off", the browser then shows what was chosen.
const soundListeners = new Set<() => void>();
function subscribeSound(listener: () => void) {
  soundListeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    soundListeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}
const soundSnapshot = () => window.localStorage.getItem(SOUND_KEY) === "on";
const soundServerSnapshot = () => false;
function saveSound(on: boolean) {
  window.localStorage.setItem(SOUND_KEY, on ? "on" : "off");
  soundListeners.forEach((listener) => listener());
}

type NewOrder = WorkshopRoomPayloads["queue:new"];

function beep(context: AudioContext) {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = "sine";
  oscillator.frequency.value = 880;
  gain.gain.setValueAtTime(0.0001, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.3, context.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + 0.25);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start();
  oscillator.stop(context.currentTime + 0.3);
}

export function LiveQueueNotice({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation("fulfil");
  const revalidator = useRevalidator();
  const [arrivals, setArrivals] = useState<NewOrder[]>([]);
  const [connected, setConnected] = useState(false);
  const sound = useSyncExternalStore(subscribeSound, soundSnapshot, soundServerSnapshot);
  const audio = useRef<AudioContext | null>(null);
  const soundOn = useRef(false);
  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  const revalidate = useRef(revalidator.revalidate);
  useEffect(() => {
    revalidate.current = revalidator.revalidate;
    soundOn.current = sound;
  });

  useEffect(() => {
    let closed = false;
    let disconnect = () => {};
    const later = () => {
      if (refresh.current) clearTimeout(refresh.current);
      refresh.current = setTimeout(() => revalidate.current(), 300);
    };
    // Loaded on demand, so the console's first paint does not wait for the socket library.
    void import("socket.io-client").then(({ io }) => {
      if (closed) return;
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ["websocket", "polling"] });
      const join = () => socket.emit("workshop:join", { workshopId }, (reply) => setConnected(Boolean(reply?.ok)));
      socket.on("connect", join);
      socket.on("disconnect", () => setConnected(false));
      socket.on("queue:new", (payload) => {
        setArrivals((list) => [payload, ...list].slice(0, 5));
        if (soundOn.current && audio.current) beep(audio.current);
        later();
      });
      socket.on("queue:update", later);
      disconnect = () => socket.disconnect();
    });
    return () => {
      closed = true;
      disconnect();
      if (refresh.current) clearTimeout(refresh.current);
    };
  }, [workshopId]);

  const toggleSound = useCallback(() => {
    const next = !soundOn.current;
    soundOn.current = next;
    saveSound(next);
    // Browsers let a page make sound only after a tap, so the context is made (and tested) here.
    if (next) {
      audio.current ??= new AudioContext();
      void audio.current.resume();
      beep(audio.current);
    }
  }, []);

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="flex items-center gap-1 text-stone-700" data-testid="live-status">
        <span
          aria-hidden
          className={`inline-block h-2.5 w-2.5 rounded-full ${connected ? "bg-green-600" : "bg-stone-400"}`}
        />
        {connected ? t("live.connected") : t("live.offline")}
      </span>
      <button
        type="button"
        onClick={toggleSound}
        aria-pressed={sound}
        className="min-h-11 rounded-full border border-stone-300 bg-white px-3 text-stone-800 hover:bg-stone-100"
      >
        {sound ? t("live.soundOn") : t("live.soundOff")}
      </button>
      <div aria-live="polite" className="w-full">
        {arrivals.length ? (
          <p className="rounded-lg bg-brand-50 p-2 font-medium text-brand-700" data-testid="new-order-notice">
            {t("live.newOrder", { number: arrivals[0].orderNumber ?? "" })}
            {arrivals.length > 1 ? ` ${t("live.more", { count: arrivals.length - 1 })}` : null}
            <button type="button" className="ml-2 underline" onClick={() => setArrivals([])}>
              {t("live.dismiss")}
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}
