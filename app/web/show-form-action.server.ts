// The server half of the show form, shared by "new show" and "edit show": size check, zod parse, cover upload,
// then the domain call; field errors come back with 400, domain refusals with their own 4xx.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { COVER_MAX_BYTES, ShowFormSchema } from "~/domain/live/show-form";
import { InvalidFields } from "~/domain/errors.server";
import type { ShowInput } from "~/domain/live/shows.server";
import { parseShanghaiLocal } from "../lib/shanghai-time";
import { replyWithFieldErrors } from "./invalid-fields.server";
import { MAX_FORM_BYTES, readForm } from "./read-form.server";
import { SHOW_COVER, storeImage } from "./uploaded-image.server";
import { domainErrorReply } from "./domain-error-answer.server";

export async function showFormAction(request: Request, uploadDir: string, save: (input: ShowInput) => Promise<string>) {
  const formData = await readForm(request, { maxBytes: COVER_MAX_BYTES + MAX_FORM_BYTES });
  const submission = parseWithZod(formData, { schema: ShowFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  let coverImage: string | null = null;
  if (value.cover) {
    try {
      coverImage = await storeImage(uploadDir, new Uint8Array(await value.cover.arrayBuffer()), SHOW_COVER);
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error;
      return data(replyWithFieldErrors(submission, error), { status: 400 });
    }
  }
  try {
    const showId = await save({
      title: value.title,
      coverImage,
      scheduledAt: parseShanghaiLocal(value.scheduledAt) ?? new Date(),
      playback:
        value.playbackKind === "none" || !value.playbackUrl
          ? null
          : { kind: value.playbackKind, url: value.playbackUrl },
      recordingUrl: value.recordingUrl || null,
      productIds: value.productIds,
    });
    return redirect(`/host/shows/${showId}`);
  } catch (error) {
    return domainErrorReply(error, request, ({ key }) => submission.reply({ formErrors: [key] }));
  }
}
