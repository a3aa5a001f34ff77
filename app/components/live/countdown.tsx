// A countdown that every viewer runs locally from the deal's end time (corrected by the server's clock).
import { useEffect, useState } from "react";
import { formatDuration } from "~/lib/shanghai-time";

/** The current time on the server's clock, ticking every `intervalMs` while `active`. */
export function useNow(clockOffset: number, active = true, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0); // catch up at once when a countdown appears after a quiet spell
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active, intervalMs]);
  return now + clockOffset;
}

export function secondsLeft(endsAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000));
}

export function Countdown({ endsAt, now, label }: { endsAt: string; now: number; label: string }) {
  const left = secondsLeft(endsAt, now);
  return (
    <span className="font-mono tabular-nums" aria-label={label} role="timer">
      {formatDuration(left)}
    </span>
  );
}
