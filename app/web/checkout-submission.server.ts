// One checkout submission, from the form's fields to what the buyer sees next: the payment page, or the form
// again with its errors. Shared by the checkout page's action (every form, with or without JavaScript) and the
// lean buy-now endpoint (server/buy-now.ts) that the live room's sheet posts to, so both follow the same rules.
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { placeOrder } from "~/domain/checkout/checkout.server";
import { contactFromAddress, rememberAddress } from "~/domain/accounts/addresses.server";
import { DomainError, NotAllowed } from "~/domain/errors.server";
import { configuredProviderName } from "~/domain/payments/provider.server";
import { startPayment } from "~/domain/payments/start.server";
import type { PricingItem } from "~/domain/checkout/pricing.server";
import { recalledSoldOut } from "~/domain/checkout/sold-out-memo.server";
import { BuyNowSchema, CheckoutSchema, MAX_QUANTITY, NOTE_MAX } from "../domain/checkout/checkout-schema";
import { forbiddenMoneyField } from "./checkout-request.server";
import { fieldsWithinLimits } from "../lib/form-field-limits";
import type { Locale } from "../lib/i18n";
import { translator } from "../lib/locale.server";

export type CheckoutFields = FormData | URLSearchParams;

export type CheckoutOutcome =
  { kind: "redirect"; url: string } | { kind: "reply"; status: number; reply: SubmissionResult<string[]> };

export type CheckoutRequest = {
  locale: Locale;
  /** Where payment pages send the buyer back to. */
  baseUrl: string;
  /** Read only when an order is about to be placed, so a sold-out answer costs no query. */
  userId: () => Promise<string | null>;
  /** The cart's items, for a checkout that is not a buy-now (the buy-now endpoint has none). */
  cart?: () => Promise<{ items: PricingItem[]; cartId: string | null }>;
};

/** The one item of a buy-now (`variantId` present), `"invalid"` when its fields are out of bounds, else null. */
export function buyNowItem(fields: CheckoutFields): PricingItem | "invalid" | null {
  if (!fields.get("variantId")) return null;
  const parsed = BuyNowSchema.safeParse(
    Object.fromEntries([...fields.entries()].filter(([, v]) => typeof v === "string" && v !== "")),
  );
  return parsed.success ? parsed.data : "invalid";
}

/**
 * A one-tap buy names one of the signed-in shopper's saved addresses (`addressId`): its fields replace whatever
 * address the client sent. A guest's address id is refused (403), and one not in the shopper's book is not
 * found (404), whoever's it is.
 */
async function withSavedAddress(
  fields: CheckoutFields,
  userId: () => Promise<string | null>,
): Promise<{ fields: CheckoutFields; saved: boolean }> {
  const addressId = fields.get("addressId");
  if (typeof addressId !== "string" || !addressId) return { fields, saved: false };
  const owner = await userId();
  if (!owner) throw new NotAllowed("account:address.signIn");
  const contact = await contactFromAddress(owner, addressId.slice(0, 64));
  const filled = new URLSearchParams([...fields.entries()].filter(([, v]) => typeof v === "string") as string[][]);
  filled.delete("addressId");
  filled.delete("email");
  for (const [name, value] of Object.entries(contact)) filled.set(name, String(value ?? ""));
  return { fields: filled, saved: true };
}

export async function submitCheckout(given: CheckoutFields, request: CheckoutRequest): Promise<CheckoutOutcome> {
  const t = translator(request.locale);
  const message = (error: DomainError) => t(error.messageKey, error.values);
  // The buy-now endpoint reads its own body, so its fields are bounded here, before conform sees them.
  if (!fieldsWithinLimits(given))
    return {
      kind: "reply",
      status: 400,
      reply: { status: "error", error: { "": [t("common:form.refused.malformed")] } },
    };
  const buyNow = buyNowItem(given);
  // In a flash sale most buyers arrive after the last unit: they hear so before the rest of the form is read
  // (there is nothing left to correct it for, so the reply carries no field values back).
  const gone = buyNow && buyNow !== "invalid" ? recalledSoldOut([buyNow]) : null;
  if (gone) return { kind: "reply", status: gone.status, reply: { status: "error", error: { "": [message(gone)] } } };

  let asked: Promise<string | null> | undefined;
  const userIdOnce = () => (asked ??= request.userId());
  let fields = given;
  let savedAddress = false;
  try {
    ({ fields, saved: savedAddress } = await withSavedAddress(given, userIdOnce));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { kind: "reply", status: error.status, reply: { status: "error", error: { "": [message(error)] } } };
  }
  const submission = parseWithZod(fields, { schema: CheckoutSchema });
  const refuse = (error: DomainError, status = error.status): CheckoutOutcome => ({
    kind: "reply",
    status,
    reply: submission.reply({ formErrors: [message(error)] }),
  });
  if (forbiddenMoneyField(fields)) return refuse(new DomainError("checkout:error.clientMoney", 400));
  if (buyNow === "invalid") return refuse(new DomainError("checkout:error.quantity", 400, { max: MAX_QUANTITY }));
  if (!buyNow && fields.has("quantity")) return refuse(new DomainError("checkout:error.clientQuantity", 400));
  if (submission.status !== "success") return { kind: "reply", status: 400, reply: submission.reply() };

  const { items, cartId } = buyNow
    ? { items: [buyNow], cartId: null }
    : ((await request.cart?.()) ?? { items: [], cartId: null });
  const noteErrors: Record<string, string[]> = {};
  const withNotes = items.map((item) => {
    const note = String(fields.get(`note-${item.variantId}`) ?? "").trim();
    if (note.length > NOTE_MAX) noteErrors[`note-${item.variantId}`] = ["checkout:error.note"];
    return { ...item, customisationNote: note || item.customisationNote || null };
  });
  if (Object.keys(noteErrors).length)
    return { kind: "reply", status: 400, reply: submission.reply({ fieldErrors: noteErrors }) };

  // A cart holding something that has just run out is answered by placeOrder before any query.
  const { quote, sheet, submission: submissionKey, coupon, ...contact } = submission.value;
  const userId = await userIdOnce();
  let placed;
  try {
    placed = await placeOrder({
      userId,
      items: withNotes,
      contact,
      paymentProvider: configuredProviderName(),
      quote,
      cartId,
      submissionKey,
      coupon,
    });
  } catch (error) {
    if (error instanceof DomainError) return refuse(error);
    throw error;
  }
  // A shopper's first checkout (and any new address typed in) fills their address book for next time.
  if (userId && !savedAddress)
    await rememberAddress(userId, contact).catch((error: unknown) =>
      console.error(`Could not save the address of order ${placed.id}:`, error),
    );
  const orderPage = () => {
    const query = new URLSearchParams({ token: placed.accessToken, ...(sheet ? { sheet: "1" } : {}) });
    return `/orders/${placed.id}?${query}`;
  };
  // The same form sent again after its order was paid, cancelled or let go: the buyer sees that order as it is.
  if (placed.status !== "pending_payment" || placed.expiresAt <= new Date())
    return { kind: "redirect", url: orderPage() };
  try {
    const context = { baseUrl: request.baseUrl, locale: request.locale, sheet: sheet === "1" };
    return { kind: "redirect", url: await startPayment(placed, context) };
  } catch (error) {
    // The order and its hold stand; the buyer can press "pay" on the order page once the provider answers.
    console.error(`Could not start the payment of order ${placed.id}:`, error);
    return { kind: "redirect", url: `${orderPage()}&payError=1` };
  }
}
