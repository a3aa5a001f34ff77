// The show form's rules, shared by the server (which enforces them) and the host's browser (which hints them).
import * as z from "zod";
import { parseShanghaiLocal } from "~/lib/shanghai-time";
import { playbackProblem } from "./playback";

export const COVER_TYPES = ["image/jpeg", "image/png", "image/webp"];
export const COVER_MAX_BYTES = 3 * 1024 * 1024;

export const ShowFormSchema = z
  .object({
    title: z.string("live:form.error.title").trim().min(2, "live:form.error.title").max(60, "live:form.error.title"),
    cover: z
      .instanceof(File, { message: "live:form.error.cover" })
      .refine((file) => COVER_TYPES.includes(file.type) && file.size <= COVER_MAX_BYTES, "live:form.error.cover")
      .optional(),
    scheduledAt: z.string("live:form.error.scheduledAt"),
    playbackKind: z.enum(["none", "hls", "embed"]).default("none"),
    playbackUrl: z.string().trim().max(500, "live:form.error.playbackUrl").optional(),
    recordingUrl: z.string().trim().max(500, "live:form.error.playbackUrl").optional(),
    productIds: z
      .array(z.string(), "live:form.error.lineUp")
      .min(1, "live:form.error.lineUp")
      .max(40, "live:form.error.lineUpMax"),
  })
  .superRefine((value, ctx) => {
    if (!parseShanghaiLocal(value.scheduledAt)) {
      ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: "live:form.error.scheduledAt" });
    }
    if (value.playbackKind !== "none") {
      const problem = value.playbackUrl
        ? playbackProblem(value.playbackKind, value.playbackUrl)
        : "live:form.error.playbackUrl";
      if (problem) ctx.addIssue({ code: "custom", path: ["playbackUrl"], message: problem });
    }
    if (value.recordingUrl && playbackProblem("embed", value.recordingUrl)) {
      ctx.addIssue({ code: "custom", path: ["recordingUrl"], message: "live:form.error.playbackUrl" });
    }
  });
