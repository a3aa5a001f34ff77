// Request-side rules shared by the cart and checkout routes: what a client may not send, and how a domain
// error becomes a sentence in the visitor's language.
import { DomainError } from "~/domain/errors.server";
import { getLocale, translator } from "../lib/locale.server";

// The server prices everything: any field that looks like money is refused, never used.
const MONEY_FIELD = /(price|total|amount|fen|cost|shipping|discount|subtotal|yuan)/i;

/** The name of the first field a client may not send about money, if any. */
export function forbiddenMoneyField(form: FormData | URLSearchParams): string | null {
  for (const name of form.keys()) {
    // A customisation note's field carries a variant id, whose random letters must not read as a word.
    if (MONEY_FIELD.test(name.startsWith("note-") ? "note" : name)) return name;
  }
  return null;
}

export async function domainMessage(request: Request, error: DomainError): Promise<string> {
  return translator(await getLocale(request))(error.messageKey, error.values);
}

export { DomainError };
