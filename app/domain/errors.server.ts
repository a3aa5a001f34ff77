// Typed domain errors. Each carries a message key (i18n) that routes show to the person, and an HTTP status.
// Each class exists once per process (the singleton helper), so `instanceof` holds for an error made by any
// copy of this module: a sold-out memo or buy-now line filled by one copy is answered by another.
import { singleton } from "~/lib/singleton.server";

type Values = Record<string, string | number>;

export const DomainError = singleton(
  "error:DomainError",
  () =>
    class DomainError extends Error {
      constructor(
        readonly messageKey: string,
        readonly status: number,
        readonly values: Values = {},
      ) {
        super(messageKey);
        this.name = new.target.name;
      }
    },
);
export type DomainError = InstanceType<typeof DomainError>;

export const NotFound = singleton(
  "error:NotFound",
  () =>
    class NotFound extends DomainError {
      constructor(messageKey = "common:error.notFoundTitle") {
        super(messageKey, 404);
      }
    },
);
export type NotFound = InstanceType<typeof NotFound>;

export const NotAllowed = singleton(
  "error:NotAllowed",
  () =>
    class NotAllowed extends DomainError {
      constructor(messageKey = "common:error.forbidden") {
        super(messageKey, 403);
      }
    },
);
export type NotAllowed = InstanceType<typeof NotAllowed>;

export const InvalidInput = singleton(
  "error:InvalidInput",
  () =>
    class InvalidInput extends DomainError {
      constructor(messageKey: string, values: Values = {}) {
        super(messageKey, 400, values);
      }
    },
);
export type InvalidInput = InstanceType<typeof InvalidInput>;

export const Conflict = singleton(
  "error:Conflict",
  () =>
    class Conflict extends DomainError {
      constructor(messageKey: string, values: Values = {}) {
        super(messageKey, 409, values);
      }
    },
);
export type Conflict = InstanceType<typeof Conflict>;

/** Input the domain refuses field by field (e.g. a SKU already taken): keys are form field names, "" for the whole form. */
export const InvalidFields = singleton(
  "error:InvalidFields",
  () =>
    class InvalidFields extends DomainError {
      constructor(readonly fields: Record<string, string[]>) {
        super(Object.values(fields)[0]?.[0] ?? "common:error.title", 400);
      }
    },
);
export type InvalidFields = InstanceType<typeof InvalidFields>;

/** Not enough stock, flash-deal allowance or pre-order capacity left for what was asked. */
export const SoldOut = singleton(
  "error:SoldOut",
  () =>
    class SoldOut extends DomainError {
      constructor(messageKey = "checkout:error.soldOut", values: Values = {}) {
        super(messageKey, 409, values);
      }
    },
);
export type SoldOut = InstanceType<typeof SoldOut>;

/** The payment provider did not answer (or refused for its own reasons): nothing changed; try again shortly. */
export class ProviderUnavailable extends DomainError {
  constructor(messageKey = "checkout:error.providerUnavailable") {
    super(messageKey, 503);
  }
}

/** A fulfilment (or other state machine) step that is not allowed from where the thing stands; the key says why. */
export const InvalidTransition = singleton(
  "error:InvalidTransition",
  () =>
    class InvalidTransition extends DomainError {
      constructor(messageKey: string, values: Values = {}) {
        super(messageKey, 409, values);
      }
    },
);
export type InvalidTransition = InstanceType<typeof InvalidTransition>;
