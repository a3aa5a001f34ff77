// Carts: a signed-in shopper's, or a guest's keyed by a random token kept in their session; merged into the
// shopper's own cart when they log in. Lines remember the show, pin and flash deal that led to them.
import { randomBytes } from "node:crypto";
import { db } from "~/lib/db.server";
import { InvalidInput, NotFound } from "../errors.server";
import { MAX_LINES, MAX_QUANTITY, type PricingItem } from "./pricing.server";
import { findCart, type CartOwner } from "./cart-lookup.server";

export { cartCount, findCart, type CartOwner } from "./cart-lookup.server";

export type AddToCartInput = {
  variantId: string;
  quantity: number;
  showId?: string | null;
  pinId?: string | null;
  flashDealId?: string | null;
  customisationNote?: string | null;
};

/** The visitor's cart, created on first use; a new guest cart comes with the token to keep in the session. */
async function ensureCart(owner: CartOwner) {
  const existing = await findCart(owner);
  if (existing) return { cart: existing, newGuestToken: null };
  if (owner.userId) return { cart: await db.cart.create({ data: { userId: owner.userId } }), newGuestToken: null };
  const guestToken = randomBytes(24).toString("base64url");
  return { cart: await db.cart.create({ data: { guestToken } }), newGuestToken: guestToken };
}

/** Keeps attribution only when it is real: the show exists, the pin is that show's pin of this product, the deal is this variant's and running. */
async function checkedAttribution(input: AddToCartInput, productId: string) {
  const now = new Date();
  const [show, pin, deal] = await Promise.all([
    input.showId ? db.show.findUnique({ where: { id: input.showId }, select: { id: true } }) : null,
    input.pinId
      ? db.pin.findUnique({ where: { id: input.pinId }, select: { id: true, showId: true, productId: true } })
      : null,
    input.flashDealId ? db.flashDeal.findUnique({ where: { id: input.flashDealId } }) : null,
  ]);
  const liveDeal =
    deal && deal.variantId === input.variantId && !deal.stoppedAt && deal.startsAt <= now && now < deal.endsAt
      ? deal
      : null;
  const showId = show?.id ?? liveDeal?.showId ?? null;
  const pinId = pin && pin.showId === showId && pin.productId === productId ? pin.id : null;
  return { showId, pinId, flashDealId: liveDeal?.id ?? null };
}

export async function addToCart(owner: CartOwner, input: AddToCartInput): Promise<{ newGuestToken: string | null }> {
  const variant = await db.variant.findUnique({
    where: { id: input.variantId },
    select: {
      id: true,
      productId: true,
      product: { select: { status: true, customisable: true, workshop: { select: { status: true } } } },
    },
  });
  if (!variant || variant.product.status !== "active" || variant.product.workshop.status !== "approved") {
    throw new NotFound("checkout:error.unknownVariant");
  }
  const attribution = await checkedAttribution(input, variant.productId);
  const { cart, newGuestToken } = await ensureCart(owner);
  const existing = await db.cartLine.findUnique({
    where: { cartId_variantId: { cartId: cart.id, variantId: variant.id } },
  });
  const quantity = (existing?.quantity ?? 0) + input.quantity;
  if (quantity > MAX_QUANTITY) throw new InvalidInput("checkout:error.quantity", { max: MAX_QUANTITY });
  const note = variant.product.customisable ? input.customisationNote?.trim() || null : null;
  if (existing) {
    await db.cartLine.update({
      where: { id: existing.id },
      data: {
        quantity,
        ...(attribution.showId ? { showId: attribution.showId, pinId: attribution.pinId } : {}),
        ...(input.flashDealId ? { flashDealId: attribution.flashDealId } : {}),
        ...(note ? { customisationNote: note } : {}),
      },
    });
  } else {
    if ((await db.cartLine.count({ where: { cartId: cart.id } })) >= MAX_LINES)
      throw new InvalidInput("checkout:error.tooManyLines", { max: MAX_LINES });
    await db.cartLine.create({
      data: { cartId: cart.id, variantId: variant.id, quantity, customisationNote: note, ...attribution },
    });
  }
  return { newGuestToken };
}

async function ownLine(owner: CartOwner, lineId: string) {
  const cart = await findCart(owner);
  const line = cart ? await db.cartLine.findFirst({ where: { id: lineId, cartId: cart.id } }) : null;
  if (!line) throw new NotFound("checkout:error.unknownLine");
  return line;
}

export async function updateCartLine(
  owner: CartOwner,
  lineId: string,
  change: { quantity?: number; customisationNote?: string | null; clearDeal?: boolean },
) {
  const line = await ownLine(owner, lineId);
  if (
    change.quantity !== undefined &&
    (!Number.isInteger(change.quantity) || change.quantity < 1 || change.quantity > MAX_QUANTITY)
  ) {
    throw new InvalidInput("checkout:error.quantity", { max: MAX_QUANTITY });
  }
  // More than is in stock is refused (fewer always works, even of something that has since run short).
  if (change.quantity !== undefined && change.quantity > line.quantity) {
    const variant = await db.variant.findUnique({
      where: { id: line.variantId },
      select: { stock: true, product: { select: { titleZh: true, titleEn: true } } },
    });
    if (variant && change.quantity > variant.stock)
      throw new InvalidInput("checkout:error.stockLeft", { stock: variant.stock, ...variant.product });
  }
  await db.cartLine.update({
    where: { id: line.id },
    data: {
      ...(change.quantity !== undefined ? { quantity: change.quantity } : {}),
      ...(change.customisationNote !== undefined
        ? { customisationNote: change.customisationNote?.trim() || null }
        : {}),
      ...(change.clearDeal ? { flashDealId: null } : {}),
    },
  });
}

export async function removeCartLine(owner: CartOwner, lineId: string) {
  const line = await ownLine(owner, lineId);
  await db.cartLine.delete({ where: { id: line.id } });
}

/** The cart's lines as items to price, oldest first. */
export async function cartItems(
  owner: CartOwner,
): Promise<{ cartId: string | null; items: (PricingItem & { lineId: string })[] }> {
  const cart = await findCart(owner);
  if (!cart) return { cartId: null, items: [] };
  const lines = await db.cartLine.findMany({ where: { cartId: cart.id }, orderBy: { createdAt: "asc" } });
  return {
    cartId: cart.id,
    items: lines.map((line) => ({
      lineId: line.id,
      variantId: line.variantId,
      quantity: line.quantity,
      showId: line.showId,
      pinId: line.pinId,
      flashDealId: line.flashDealId,
      customisationNote: line.customisationNote,
    })),
  };
}

/** At log-in: the guest's lines join the shopper's cart (quantities add up, the guest's attribution wins). */
export async function mergeGuestCart(guestToken: string, userId: string) {
  const guest = await db.cart.findUnique({ where: { guestToken }, include: { lines: true } });
  if (!guest || guest.userId === userId) return;
  await db.$transaction(async (tx) => {
    const mine =
      (await tx.cart.findFirst({ where: { userId }, orderBy: { createdAt: "asc" } })) ??
      (await tx.cart.create({ data: { userId } }));
    for (const line of guest.lines) {
      const existing = await tx.cartLine.findUnique({
        where: { cartId_variantId: { cartId: mine.id, variantId: line.variantId } },
      });
      const attribution = { showId: line.showId, pinId: line.pinId, flashDealId: line.flashDealId };
      if (existing) {
        await tx.cartLine.update({
          where: { id: existing.id },
          data: {
            quantity: Math.min(MAX_QUANTITY, existing.quantity + line.quantity),
            ...(line.showId ? attribution : {}),
            customisationNote: line.customisationNote ?? existing.customisationNote,
          },
        });
      } else {
        await tx.cartLine.create({
          data: {
            cartId: mine.id,
            variantId: line.variantId,
            quantity: line.quantity,
            customisationNote: line.customisationNote,
            ...attribution,
          },
        });
      }
    }
    await tx.cart.delete({ where: { id: guest.id } });
  });
}
