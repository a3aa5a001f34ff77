// The browser's side of the lean buy-now endpoint (server/buy-now.ts): it sends the checkout form and reads
// back where to go next, or the form's reply with its errors.
import type { SubmissionResult } from "@conform-to/react";

export const BUY_NOW_PATH = "/buy-now";

export type BuyNowAnswer = { redirectTo: string } | { reply: SubmissionResult<string[]> };

/** The endpoint's answer, or null when none arrived (the network dropped, or the server failed). */
export async function sendBuyNow(formData: FormData): Promise<BuyNowAnswer | null> {
  const body = new URLSearchParams();
  for (const [name, value] of formData) if (typeof value === "string") body.append(name, value);
  try {
    const response = await fetch(BUY_NOW_PATH, { method: "POST", body, headers: { Accept: "application/json" } });
    if (response.status >= 500) return null;
    return (await response.json()) as BuyNowAnswer;
  } catch {
    return null;
  }
}
