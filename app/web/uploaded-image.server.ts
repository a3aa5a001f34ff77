// An uploaded image, the one way for every form that takes one (a product photo, a show's cover): read from a
// multipart post within its use's size limit, recognised by its first bytes (never by its name or the browser's
// claimed type), stored under the upload directory with a random name (served at /uploads), and deleted.
import { randomBytes } from "node:crypto";
import { mkdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type AppLoadContext,
  type UploadHandler,
} from "@remix-run/node";
import { InvalidFields } from "~/domain/errors.server";
import { MAX_IMAGE_BYTES } from "~/domain/catalogue/limits";
import { COVER_MAX_BYTES } from "~/domain/live/show-form";
import { env } from "~/lib/env.server";
import { refuse as refuseForm } from "./read-form.server";

export type ImageType = "png" | "jpg" | "webp";
export type ImageRefusal = "empty" | "tooLarge" | "type" | "unreadable" | "tooMany";

/** What differs between the forms that take an image: the field, the size limit and the messages. */
export type ImageUse = {
  field: string;
  maxBytes: number;
  /** The message key shown beside the field, for each reason an image is refused. */
  message: (reason: ImageRefusal) => string;
};

export const PRODUCT_PHOTO: ImageUse = {
  field: "image",
  maxBytes: MAX_IMAGE_BYTES,
  message: (reason) => `studio:image.error.${reason}`,
};

// The show form says one sentence for every refusal: what a cover may be.
export const SHOW_COVER: ImageUse = {
  field: "cover",
  maxBytes: COVER_MAX_BYTES,
  message: () => "live:form.error.cover",
};

// A photo of the goods with an after-sales request (a crushed strawberry box).
export const AFTER_SALES_PHOTO: ImageUse = {
  field: "photo",
  maxBytes: MAX_IMAGE_BYTES,
  message: (reason) => `aftersales:photo.${reason}`,
};

// A buyer's photos with a review (up to REVIEW_MAX_PHOTOS of them, each smaller than a product photo).
export const REVIEW_PHOTO: ImageUse = {
  field: "photos",
  maxBytes: 2 * 1024 * 1024,
  message: (reason) => `reviews:photo.${reason}`,
};

const UPLOADS_URL_PREFIX = "/uploads/";
// Stored files are named <32 hex>.<type>; covers stored earlier under /uploads/shows keep their names and URLs.
const STORED_NAME = /^[a-f0-9]{32}\.(png|jpg|webp)$/;
// A too-large image is read to the end and thrown away, so the browser (still sending it) gets the page with
// the message rather than a reset connection; past this much the connection is simply closed.
const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;

/** Where uploads are stored: the directory the server serves /uploads from. */
export const uploadDirOf = (context: AppLoadContext): string => context.uploadDir ?? env().UPLOAD_DIR;

const refuse = (use: ImageUse, reason: ImageRefusal) => new InvalidFields({ [use.field]: [use.message(reason)] });

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

/** The image type the bytes really are, or null when they are none of the types we accept. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

/** Refuses what is not a PNG, JPEG or WebP within the use's size limit, with the use's message. */
export function checkImage(bytes: Uint8Array, use: ImageUse): ImageType {
  if (bytes.length === 0) throw refuse(use, "empty");
  if (bytes.length > use.maxBytes) throw refuse(use, "tooLarge");
  const type = detectImageType(bytes);
  if (!type) throw refuse(use, "type");
  return type;
}

/** Checks the image, stores it and returns the URL it is served at. */
export async function storeImage(uploadDir: string, bytes: Uint8Array, use: ImageUse): Promise<string> {
  const type = checkImage(bytes, use);
  const name = `${randomBytes(16).toString("hex")}.${type}`;
  await mkdir(uploadDir, { recursive: true });
  // "wx": never overwrite, even on the (practically impossible) clash of two random names.
  await writeFile(path.join(uploadDir, name), bytes, { flag: "wx" });
  return `${UPLOADS_URL_PREFIX}${name}`;
}

/** Deletes a stored image's file; URLs outside /uploads (the seeded drawings) are left alone. */
export async function deleteStoredImage(uploadDir: string, url: string): Promise<void> {
  if (!url.startsWith(UPLOADS_URL_PREFIX)) return;
  const name = url.slice(UPLOADS_URL_PREFIX.length);
  if (!STORED_NAME.test(name)) return;
  await unlink(path.join(uploadDir, name)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}

function closeConnection(): never {
  throw new Response("Payload too large", { status: 413, headers: { Connection: "close" } });
}

async function discard(chunks: AsyncIterable<Uint8Array>, already: number) {
  let seen = already;
  for await (const chunk of chunks) {
    seen += chunk.byteLength;
    if (seen > DISCARD_LIMIT_BYTES) closeConnection();
  }
}

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}

/** Reads a multipart post with one image in it, never holding more than the use's size limit in memory. */
export async function readImageUpload(request: Request, use: ImageUse): Promise<{ form: FormData; bytes: Uint8Array }> {
  const { form, bytes } = await readUpload(request, use, false);
  return { form, bytes: bytes! };
}

/** The same, for a form whose image may be left out (an after-sales request): bytes are then null. */
export async function readOptionalImageUpload(
  request: Request,
  use: ImageUse,
): Promise<{ form: FormData; bytes: Uint8Array | null }> {
  return readUpload(request, use, true);
}

/** The same, for a form with up to `max` images in one field (a review's photos): none at all is fine. */
export async function readImageUploads(
  request: Request,
  use: ImageUse,
  max: number,
): Promise<{ form: FormData; images: Uint8Array[] }> {
  // Photos come only in a multipart form; anything else is refused as every form refuses a stranger type.
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "multipart/form-data") await refuseForm(request, "type");
  const { form, files } = await readFiles(request, use, max);
  if (files.length > max) throw refuse(use, "tooMany");
  return { form, images: await Promise.all(files.map(async (file) => new Uint8Array(await file.arrayBuffer()))) };
}

async function readUpload(
  request: Request,
  use: ImageUse,
  optional: boolean,
): Promise<{ form: FormData; bytes: Uint8Array | null }> {
  const { form, files } = await readFiles(request, use, 1);
  const file = files[0];
  if (!file) {
    if (optional) return { form, bytes: null };
    throw refuse(use, "empty");
  }
  return { form, bytes: new Uint8Array(await file.arrayBuffer()) };
}

async function readFiles(request: Request, use: ImageUse, max: number): Promise<{ form: FormData; files: File[] }> {
  // Room for the form's other fields and the multipart boundaries around the files.
  const maxBodyBytes = use.maxBytes * max + 64 * 1024;
  const announced = Number(request.headers.get("Content-Length") ?? 0);
  if (announced > maxBodyBytes) {
    if (announced > DISCARD_LIMIT_BYTES || !request.body) closeConnection();
    await discard(request.body as unknown as AsyncIterable<Uint8Array>, 0);
    throw refuse(use, "tooLarge");
  }

  let oversized = false;
  const image: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (name !== use.field || filename === undefined) return undefined;
    const chunks: BlobPart[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > DISCARD_LIMIT_BYTES) closeConnection();
      if (size <= use.maxBytes) chunks.push(new Uint8Array(chunk));
    }
    if (size > use.maxBytes) {
      oversized = true;
      return undefined;
    }
    return new File(chunks, filename, { type: contentType });
  };
  const text = unstable_createMemoryUploadHandler({
    filter: ({ filename }) => filename === undefined,
    maxPartSize: 4 * 1024,
  });

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, async (part) => (await image(part)) ?? text(part));
  } catch (error) {
    if (error instanceof Response) throw error;
    throw refuse(use, "unreadable");
  }
  if (oversized) throw refuse(use, "tooLarge");
  // A file input left empty still sends one nameless, empty part.
  const files = form.getAll(use.field).filter((file): file is File => file instanceof File && file.size > 0);
  return { form, files };
}
