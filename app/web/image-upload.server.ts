// Reads one image from a multipart form post without ever holding more than the size limit in memory.
// What the bytes are (PNG, JPEG, WebP) is decided by the domain (domain/catalogue/image-files.server.ts), not here.
import {
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { InvalidFields } from "~/domain/errors.server";
import { MAX_IMAGE_BYTES } from "../domain/catalogue/limits";

// Room for the form's other fields and the multipart boundaries around the file.
const MAX_BODY_BYTES = MAX_IMAGE_BYTES + 64 * 1024;
// A too-large photo is read to the end and thrown away, so the browser (still sending it) gets the page with
// the message rather than a reset connection; past this much the connection is simply closed.
const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;

const tooLarge = (field: string) => new InvalidFields({ [field]: ["studio:image.error.tooLarge"] });

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

export async function readImageUpload(
  request: Request,
  field = "image",
): Promise<{ form: FormData; bytes: Uint8Array }> {
  const announced = Number(request.headers.get("Content-Length") ?? 0);
  if (announced > MAX_BODY_BYTES) {
    if (announced > DISCARD_LIMIT_BYTES || !request.body) closeConnection();
    await discard(request.body as unknown as AsyncIterable<Uint8Array>, 0);
    throw tooLarge(field);
  }

  let oversized = false;
  const image: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (name !== field || filename === undefined) return undefined;
    const chunks: BlobPart[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > DISCARD_LIMIT_BYTES) closeConnection();
      if (size <= MAX_IMAGE_BYTES) chunks.push(new Uint8Array(chunk));
    }
    if (size > MAX_IMAGE_BYTES) {
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
    throw new InvalidFields({ [field]: ["studio:image.error.unreadable"] });
  }
  if (oversized) throw tooLarge(field);
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) throw new InvalidFields({ [field]: ["studio:image.error.empty"] });
  return { form, bytes: new Uint8Array(await file.arrayBuffer()) };
}
