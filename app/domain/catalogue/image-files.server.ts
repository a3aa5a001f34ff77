// Product images uploaded by workshops: checked by size and by their first bytes (never by the name or the
// browser's claimed type), then stored under the upload directory with a random name, served at /uploads.
import { randomBytes } from "node:crypto";
import { mkdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { MAX_IMAGE_BYTES } from "~/domain/catalogue/limits";
import { InvalidFields } from "../errors.server";

export const UPLOADS_URL_PREFIX = "/uploads/";

export type ImageType = "png" | "jpeg" | "webp";

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

/** The image type the bytes really are, or null when they are none of the types we accept. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

/** Refuses what is not a small PNG, JPEG or WebP, with a message for the `field` it came from. */
export function validateImage(bytes: Uint8Array, field = "image"): ImageType {
  if (bytes.length === 0) throw new InvalidFields({ [field]: ["studio:image.error.empty"] });
  if (bytes.length > MAX_IMAGE_BYTES) throw new InvalidFields({ [field]: ["studio:image.error.tooLarge"] });
  const type = detectImageType(bytes);
  if (!type) throw new InvalidFields({ [field]: ["studio:image.error.type"] });
  return type;
}

/** Stores a validated image and returns the URL it is served at. */
export async function storeImage(uploadDir: string, bytes: Uint8Array): Promise<string> {
  const type = validateImage(bytes);
  const name = `${randomBytes(16).toString("hex")}.${type === "jpeg" ? "jpg" : type}`;
  await mkdir(uploadDir, { recursive: true });
  // "wx": never overwrite, even on the (practically impossible) clash of two random names.
  await writeFile(path.join(uploadDir, name), bytes, { flag: "wx" });
  return `${UPLOADS_URL_PREFIX}${name}`;
}

/** Deletes an uploaded image's file; URLs outside /uploads (the seeded drawings) are left alone. */
export async function deleteStoredImage(uploadDir: string, url: string): Promise<void> {
  if (!url.startsWith(UPLOADS_URL_PREFIX)) return;
  const name = url.slice(UPLOADS_URL_PREFIX.length);
  if (!/^[a-f0-9]{32}\.(png|jpg|webp)$/.test(name)) return;
  await unlink(path.join(uploadDir, name)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}
