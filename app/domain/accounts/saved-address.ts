// A saved address as pages show it, apart from the address book's form (and so from zod): the live room shows
// one without loading the form's 30 KB of validation.
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
