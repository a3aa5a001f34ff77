// A show as an iCalendar event (RFC 5545, made by the `ics` library), so a shopper's calendar reminds them too.
import { createEvent } from "ics";

export type CalendarShow = {
  id: string;
  title: string;
  hostName: string;
  scheduledAt: Date;
  endedAt: Date | null;
  /** The room's address, absolute. */
  url: string;
  /** A stable domain for the event's UID, e.g. the site's host name. */
  domain: string;
  description: string;
};

const SHOW_MINUTES = 90;

function utcParts(date: Date): [number, number, number, number, number] {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
}

export function showCalendar(show: CalendarShow): string {
  const end = show.endedAt ?? new Date(show.scheduledAt.getTime() + SHOW_MINUTES * 60_000);
  const { error, value } = createEvent({
    uid: `show-${show.id}@${show.domain}`,
    productId: "cunbo/shows",
    title: show.title,
    description: show.description,
    url: show.url,
    organizer: { name: show.hostName },
    start: utcParts(show.scheduledAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcParts(end > show.scheduledAt ? end : new Date(show.scheduledAt.getTime() + 60_000)),
    endInputType: "utc",
    endOutputType: "utc",
    alarms: [{ action: "display", description: show.title, trigger: { minutes: 10, before: true } }],
  });
  if (error || !value) throw error ?? new Error("calendar event could not be made");
  return value;
}
