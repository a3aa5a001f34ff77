// Typed domain errors. Each carries a message key (i18n) that routes show to the person, and an HTTP status.
export class DomainError extends Error {
  constructor(
    readonly messageKey: string,
    readonly status: number,
    readonly values: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(messageKey = "common:error.notFoundTitle") {
    super(messageKey, 404);
  }
}

export class NotAllowed extends DomainError {
  constructor(messageKey = "common:error.forbidden") {
    super(messageKey, 403);
  }
}

export class InvalidInput extends DomainError {
  constructor(messageKey: string, values: Record<string, string | number> = {}) {
    super(messageKey, 400, values);
  }
}

export class Conflict extends DomainError {
  constructor(messageKey: string, values: Record<string, string | number> = {}) {
    super(messageKey, 409, values);
  }
}

/** Input the domain refuses field by field (e.g. a SKU already taken): keys are form field names, "" for the whole form. */
export class InvalidFields extends DomainError {
  constructor(readonly fields: Record<string, string[]>) {
    super(Object.values(fields)[0]?.[0] ?? "common:error.title", 400);
  }
}

/** Not enough stock, flash-deal allowance or pre-order capacity left for what was asked. */
export class SoldOut extends DomainError {
  constructor(messageKey = "checkout:error.soldOut", values: Record<string, string | number> = {}) {
    super(messageKey, 409, values);
  }
}

/** The payment provider did not answer (or refused for its own reasons): nothing changed; try again shortly. */
export class ProviderUnavailable extends DomainError {
  constructor(messageKey = "checkout:error.providerUnavailable") {
    super(messageKey, 503);
  }
}

/** A fulfilment (or other state machine) step that is not allowed from where the thing stands; the key says why. */
export class InvalidTransition extends DomainError {
  constructor(messageKey: string, values: Record<string, string | number> = {}) {
    super(messageKey, 409, values);
  }
}
