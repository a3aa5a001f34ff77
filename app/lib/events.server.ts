// The process's one publisher slot: server/realtime.ts installs the publisher that turns announcements into
// socket.io emits; until it does (scripts, unit tests) they go nowhere. Which announcements exist is the domain's
// business (app/domain/events.ts), so this is generic over them.
import { singleton } from "./singleton.server";

/** What every announcement has: the room it is for, its name and what it carries. */
export type Announcement = { room: string; type: string; payload: unknown };

export interface Publisher<A extends Announcement = Announcement> {
  publish(announcement: A): void;
}

// One per process, so that a domain function run from any copy of this module reaches the installed sockets.
const installed = singleton("events:publisher", () => ({ publisher: undefined as Publisher | undefined }));

/** A publisher typed by the announcements its caller may make, forwarding to the one installed. */
export function publisherOf<A extends Announcement>(): Publisher<A> {
  return {
    publish(announcement) {
      installed.publisher?.publish(announcement);
    },
  };
}

export function installPublisher<A extends Announcement>(publisher: Publisher<A> | undefined) {
  installed.publisher = publisher as Publisher | undefined;
}

/** The publisher installed now, if any (for a benchmark that wraps it). */
export function installedPublisher<A extends Announcement>(): Publisher<A> | undefined {
  return installed.publisher;
}
