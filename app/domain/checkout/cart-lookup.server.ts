// Finding a visitor's cart and counting it, apart from the cart's changes: the site header (root) needs only the
// count, and so brings none of the cart's error messages to every page.
import { db } from "~/lib/db.server";

export type CartOwner = { userId: string | null; guestToken: string | null };

export async function findCart(owner: CartOwner) {
  if (owner.userId) return db.cart.findFirst({ where: { userId: owner.userId }, orderBy: { createdAt: "asc" } });
  if (owner.guestToken) return db.cart.findUnique({ where: { guestToken: owner.guestToken } });
  return null;
}

/** How many items the visitor's cart holds (the site header's count). */
export async function cartCount(owner: CartOwner): Promise<number> {
  const cart = await findCart(owner);
  if (!cart) return 0;
  const { _sum } = await db.cartLine.aggregate({ where: { cartId: cart.id }, _sum: { quantity: true } });
  return _sum.quantity ?? 0;
}
