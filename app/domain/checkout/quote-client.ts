// The browser's side of the buy-now quote (routes/checkout_.quote.tsx): what one item costs delivered, priced by
// the server, with the fingerprint a one-tap order sends back so it is never placed at prices not shown.
export const QUOTE_PATH = "/checkout/quote";

export type Quote = {
  totalFen: number;
  shippingFen: number;
  /** The shopper's best coupon's discount, already off totalFen. */
  discountFen: number;
  quote: string;
  /** Why the item cannot be bought as it stands (sold out, deal ended…), else null. */
  problem: string | null;
};

/** The quote for these buy-now fields, or null when none arrived. */
export async function fetchQuote(params: URLSearchParams, signal?: AbortSignal): Promise<Quote | null> {
  try {
    const response = await fetch(`${QUOTE_PATH}?${params}`, { headers: { Accept: "application/json" }, signal });
    return response.ok ? ((await response.json()) as Quote) : null;
  } catch {
    return null;
  }
}
