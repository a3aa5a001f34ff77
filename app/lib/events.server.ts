// The domain's one way to announce what happened. server/realtime.ts installs the publisher that turns
// these into socket.io emits; until it does (scripts, unit tests) events go nowhere.
import { singleton } from "./singleton.server";

export type CunboEvent = { type: string; room: string; payload: unknown };

export interface Publisher {
  publish(event: CunboEvent): void;
}

// One per process, so that a domain function run from any copy of this module reaches the installed sockets.
const installed = singleton("events:publisher", () => ({ publisher: undefined as Publisher | undefined }));

export const events: Publisher = {
  publish(event) {
    installed.publisher?.publish(event);
  },
};

export function installPublisher(publisher: Publisher | undefined) {
  installed.publisher = publisher;
}

/** The publisher installed now, if any (for a benchmark that wraps it). */
export function installedPublisher(): Publisher | undefined {
  return installed.publisher;
}
