// The one mapping from the domain's typed errors to HTTP answers: the error's status (a 4xx, or 503 when a
// provider did not answer) with its message key, translated for a page or a file, or kept as a key for a form
// reply or a console that translates on the client. Anything that is not the domain's refusal is rethrown.
import { data } from "@remix-run/node";
import { DomainError } from "~/domain/errors.server";
import { getLocale, translator } from "~/lib/locale.server";
import type { Locale } from "~/lib/i18n";

type Values = Record<string, string | number>;
type DomainErrorClass = abstract new (...args: never[]) => DomainError;

/** A refusal as a page or form shows it: the status, the message key with its values, and the sentence. */
export type Refusal = { status: number; key: string; values: Values; message: string };

/** The key and values of a caught domain refusal (of one of `only`, if given), or null for anything else. */
export function refusalOf(error: unknown, only?: readonly DomainErrorClass[]): { key: string; values: Values } | null {
  if (!(error instanceof DomainError)) return null;
  if (only && !only.some((kind) => error instanceof kind)) return null;
  return { key: error.messageKey, values: error.values };
}

type Options = {
  /** Only these kinds are answered; any other error is rethrown. */
  only?: readonly DomainErrorClass[];
  /** The status to answer with instead of the error's own (e.g. 404 for a page that cannot be shown). */
  status?: number;
};

async function refusal(error: unknown, to: Request | Locale, options: Options): Promise<Refusal> {
  const found = refusalOf(error, options.only);
  if (!found) throw error;
  const locale = typeof to === "string" ? to : await getLocale(to);
  const status = options.status ?? (error as DomainError).status;
  return { status, ...found, message: translator(locale)(found.key, found.values) };
}

/** A form action's or fetcher's refusal: `body(refusal)` (the form's reply, an error line…) with the status. */
export async function domainErrorReply<T>(
  error: unknown,
  to: Request | Locale,
  body: (refusal: Refusal) => T,
  options: Options = {},
) {
  const found = await refusal(error, to, options);
  return data(body(found), { status: found.status });
}

/** A loader's (thrown) or a resource route's answer: the translated sentence as text, or `text` if given. */
export async function domainErrorResponse(
  error: unknown,
  to: Request | Locale,
  options: Options & { text?: string } = {},
): Promise<Response> {
  const found = await refusal(error, to, options);
  return new Response(options.text ?? found.message, { status: found.status });
}

/** A resource route's refusal as JSON for a fetcher or a script (`{ error }`, the translated sentence), with the status. */
export async function domainErrorJson(error: unknown, to: Request | Locale, options: Options = {}): Promise<Response> {
  const found = await refusal(error, to, options);
  return Response.json({ ok: false, error: found.message }, { status: found.status });
}
