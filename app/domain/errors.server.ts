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

/** A fulfilment (or other state machine) step that is not allowed from where the thing stands; the key says why. */
export class InvalidTransition extends DomainError {
  constructor(messageKey: string, values: Record<string, string | number> = {}) {
    super(messageKey, 409, values);
  }
}
