// The notes a receipt confirmation leaves on a parcel's event, so the order page and the packing history can say
// who confirmed it (the buyer, or the automatic confirmation some days after shipping).
export const RECEIPT_NOTE = { buyer: "receipt:buyer", auto: "receipt:auto" } as const;

export type ReceiptNote = (typeof RECEIPT_NOTE)[keyof typeof RECEIPT_NOTE];

export function isReceiptNote(note: string | null | undefined): note is ReceiptNote {
  return note === RECEIPT_NOTE.buyer || note === RECEIPT_NOTE.auto;
}
