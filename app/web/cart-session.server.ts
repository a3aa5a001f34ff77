// Whose cart a request is about: the signed-in shopper's, or the guest's whose token is in the session.
import type { CartOwner } from "~/domain/checkout/cart.server";
import { getSession, sessionStorage } from "../lib/session.server";

export const CART_TOKEN_KEY = "cartToken";

export async function cartOwner(request: Request) {
  const session = await getSession(request);
  const userId = session.get("userId");
  const guestToken = session.get(CART_TOKEN_KEY);
  const owner: CartOwner = {
    userId: typeof userId === "string" ? userId : null,
    guestToken: typeof guestToken === "string" ? guestToken : null,
  };
  return {
    owner,
    /** Remembers a guest cart created by this request; returns the Set-Cookie headers to send. */
    async remember(newGuestToken: string | null): Promise<HeadersInit | undefined> {
      if (!newGuestToken) return undefined;
      session.set(CART_TOKEN_KEY, newGuestToken);
      return { "Set-Cookie": await sessionStorage.commitSession(session) };
    },
  };
}
