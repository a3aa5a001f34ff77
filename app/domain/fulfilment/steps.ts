// The fulfilment state machine's rules, with no database: which step leads where, and why a step is refused.
// The console uses them to offer only the buttons that can work; fulfilment-flow.server.ts enforces them.
import type { FulfilmentStatus } from "~/generated/prisma/enums";

export const FULFILMENT_STATUSES = [
  "queued",
  "accepted",
  "packed",
  "shipped",
  "delivered",
  "cancelled",
  "exception",
] as const satisfies readonly FulfilmentStatus[];

export const FULFILMENT_ACTIONS = ["accept", "pack", "ship", "deliver", "exception", "requeue", "cancel"] as const;
export type FulfilmentAction = (typeof FULFILMENT_ACTIONS)[number];

/** Where each step leads from each status it is allowed from. Anything not listed is refused. */
export const STEPS: Record<FulfilmentStatus, Partial<Record<FulfilmentAction, FulfilmentStatus>>> = {
  queued: { accept: "accepted", exception: "exception", cancel: "cancelled" },
  accepted: { pack: "packed", exception: "exception", cancel: "cancelled" },
  packed: { ship: "shipped", exception: "exception", cancel: "cancelled" },
  shipped: { deliver: "delivered", exception: "exception" },
  delivered: {},
  // A problem is sorted out by packing the parcel again (back to the queue) or by cancelling it.
  exception: { requeue: "queued", cancel: "cancelled" },
  cancelled: {},
};

/** Still the workshop's to do: not yet on its way and not given up. */
export const OPEN_STATUSES: FulfilmentStatus[] = ["queued", "accepted", "packed", "exception"];

export function nextStatus(from: FulfilmentStatus, action: FulfilmentAction): FulfilmentStatus | null {
  return STEPS[from][action] ?? null;
}

export function allowedActions(from: FulfilmentStatus): FulfilmentAction[] {
  return Object.keys(STEPS[from]) as FulfilmentAction[];
}

const ORDER: FulfilmentStatus[] = ["queued", "accepted", "packed", "shipped", "delivered"];

/** The message key that tells a person why `action` cannot happen to a parcel that is `from`. */
export function refusalReason(from: FulfilmentStatus, action: FulfilmentAction): string {
  if (from === "cancelled") return "fulfil:refused.cancelled";
  if (from === "delivered") return "fulfil:refused.delivered";
  if (from === "exception") return "fulfil:refused.inException";
  if (action === "requeue") return "fulfil:refused.notException";
  if (action === "cancel") return "fulfil:refused.alreadyShipped";
  const target = { accept: "accepted", pack: "packed", ship: "shipped", deliver: "delivered" } as const;
  if (action in target) {
    const wanted = ORDER.indexOf(target[action as keyof typeof target]);
    const now = ORDER.indexOf(from);
    if (now >= wanted) return "fulfil:refused.already";
    return `fulfil:refused.needs.${ORDER[wanted - 1]}`;
  }
  return "fulfil:refused.generic";
}
