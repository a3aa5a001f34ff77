// The domain's one way to announce what happened. server/realtime.ts installs the publisher that turns
// these into socket.io emits; until it does (scripts, unit tests) events go nowhere.
export type CunboEvent = { type: string; room: string; payload: unknown };

export interface Publisher {
  publish(event: CunboEvent): void;
}

declare global {
  var __cunboPublisher: Publisher | undefined;
}

export const events: Publisher = {
  publish(event) {
    globalThis.__cunboPublisher?.publish(event);
  },
};

export function installPublisher(publisher: Publisher) {
  globalThis.__cunboPublisher = publisher;
}
