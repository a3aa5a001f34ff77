// The address book's form: the checkout's own address rules (checkout-schema.ts), without the e-mail, plus
// "make this my default". Shared by the server (which enforces it) and the browser (which hints it).
import { z } from "zod";
import { ContactSchema } from "../checkout/checkout-schema";

export const MAX_ADDRESSES = 20;

export const AddressSchema = ContactSchema.omit({ email: true }).extend({
  makeDefault: z.literal("on").optional(),
});

export type AddressFormInput = z.input<typeof AddressSchema>;

/** A saved address as pages show it (and as the live room's buy sheet offers it). */
export type SavedAddress = {
  id: string;
  recipientName: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  isDefault: boolean;
};

/** 138****5678: enough for the shopper to recognise a number, on a screen others may see (a live room). */
export function maskedPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
