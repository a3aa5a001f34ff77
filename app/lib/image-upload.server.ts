// Reads one image from a multipart form post without ever holding more than the size limit in memory.
// What the bytes are (PNG, JPEG, WebP) is decided by the domain (uploads.server.ts), not here.
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { InvalidFields } from "~/domain/errors.server";
import { MAX_IMAGE_BYTES } from "./catalogue-limits";

// Room for the form's other fields and the multipart boundaries around the file.
const MAX_BODY_BYTES = MAX_IMAGE_BYTES + 64 * 1024;

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}

export async function readImageUpload(request: Request, field = "image"): Promise<{ form: FormData; bytes: Uint8Array }> {
  // A body announced as too large is refused before a byte of it is read.
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    throw new InvalidFields({ [field]: ["studio:image.error.tooLarge"] });
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        unstable_createMemoryUploadHandler({
          filter: ({ name, filename }) => name === field && filename !== undefined,
          maxPartSize: MAX_IMAGE_BYTES,
        }),
        unstable_createMemoryUploadHandler({ filter: ({ filename }) => filename === undefined, maxPartSize: 4 * 1024 }),
      ),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      throw new InvalidFields({ [error.field === field ? field : ""]: ["studio:image.error.tooLarge"] });
    }
    throw new InvalidFields({ [field]: ["studio:image.error.unreadable"] });
  }
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) throw new InvalidFields({ [field]: ["studio:image.error.empty"] });
  return { form, bytes: new Uint8Array(await file.arrayBuffer()) };
}
