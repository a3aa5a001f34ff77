// The address book's form: the checkout's own address rules (checkout-schema.ts), without the e-mail, plus
// "make this my default". Shared by the server (which enforces it) and the browser (which hints it).
import * as z from "zod";
import { ContactSchema } from "../checkout/checkout-schema";

export const MAX_ADDRESSES = 20;

export const AddressSchema = ContactSchema.omit({ email: true }).extend({
  makeDefault: z.literal("on").optional(),
});

export type AddressFormInput = z.input<typeof AddressSchema>;

export { maskedPhone, type SavedAddress } from "./saved-address";
