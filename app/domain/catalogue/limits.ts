// Limits of a workshop's catalogue, shared by the domain (which enforces them) and the forms (which explain them).
export const MAX_PRICE_FEN = 100_000_000;
export const MAX_STOCK = 1_000_000;
export const LOW_STOCK = 5;
export const MAX_IMAGES = 8;
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const MAX_BATCH_CAPACITY = 1_000_000;
