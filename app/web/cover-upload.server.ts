// Stores a show's cover picture under UPLOAD_DIR/shows (served at /uploads/shows). Only JPEG, PNG and WebP,
// recognised by their first bytes rather than by what the browser claims.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../lib/env.server";

export const COVER_MAX_BYTES = 3 * 1024 * 1024;

function imageKind(bytes: Uint8Array): "jpg" | "png" | "webp" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpg";
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "png";
  const text = new TextDecoder().decode(bytes.slice(0, 12));
  if (text.startsWith("RIFF") && text.slice(8, 12) === "WEBP") return "webp";
  return null;
}

/** Saves the picture and returns its public path, or null when it is not an accepted image. */
export async function saveCover(file: File): Promise<string | null> {
  if (file.size === 0 || file.size > COVER_MAX_BYTES) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = imageKind(bytes);
  if (!kind) return null;
  const dir = path.resolve(env().UPLOAD_DIR, "shows");
  await mkdir(dir, { recursive: true });
  const name = `${randomUUID()}.${kind}`;
  await writeFile(path.join(dir, name), bytes);
  return `/uploads/shows/${name}`;
}
