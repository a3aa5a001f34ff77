// The domain's publisher: lib's one publisher slot, typed by the events of ./events.
import { installedPublisher, installPublisher, publisherOf } from "~/lib/events.server";
import type { CunboEvent } from "./events";

export const events = publisherOf<CunboEvent>();
export const installEventPublisher = installPublisher<CunboEvent>;
export const installedEventPublisher = installedPublisher<CunboEvent>;
