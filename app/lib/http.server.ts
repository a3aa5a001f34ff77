// Small response helpers shared by routes: 404s, and domain errors turned into 4xx.
import { DomainError } from "~/domain/errors.server";

export function invariantResponse(value: unknown, message: string, init: ResponseInit = { status: 404 }): asserts value {
  if (!value) throw new Response(message, init);
}

/** Runs a domain call; a DomainError becomes a 4xx response carrying its message, anything else stays a 500. */
export async function domainCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError) throw new Response(error.messageKey, { status: error.status });
    throw error;
  }
}
