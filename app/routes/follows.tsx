// Where the follow buttons post (host in the live room, workshop on its page): follow or unfollow, then back to
// the page (without JavaScript) or the new state as data (a fetcher). A guest is sent to log in first.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import * as z from "zod";
import { followerCount } from "~/domain/notices/audience.server";
import { follow, unfollow, type FollowTarget } from "~/domain/notices/follows.server";
import { getLocale, translator } from "~/lib/locale.server";
import { getUserId, safeRedirect } from "~/web/auth.server";
import { domainErrorJson, domainErrorResponse } from "~/web/domain-error-answer.server";
import { readForm } from "~/web/read-form.server";

const id = z.string().trim().min(1).max(64);
const FollowSchema = z
  .object({
    intent: z.enum(["follow", "unfollow"]),
    hostId: id.optional(),
    workshopId: id.optional(),
    redirectTo: z.string().max(500).optional(),
    answer: z.enum(["data", "page"]).optional(),
  })
  .refine((value) => Boolean(value.hostId) !== Boolean(value.workshopId), { message: "notices:error.badRequest" });

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: FollowSchema });
  if (submission.status !== "success") {
    return Response.json({ error: translator(await getLocale(request))("notices:error.badRequest") }, { status: 400 });
  }
  const input = submission.value;
  const back = safeRedirect(input.redirectTo, "/");
  const userId = await getUserId(request);
  if (!userId) return redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  const target: FollowTarget = input.hostId ? { hostId: input.hostId } : { workshopId: input.workshopId! };
  try {
    if (input.intent === "follow") await follow(userId, target);
    else await unfollow(userId, target);
  } catch (error) {
    // A fetcher reads the sentence from JSON; a page without JavaScript shows it as the answer.
    return input.answer === "data" ? domainErrorJson(error, request) : domainErrorResponse(error, request);
  }
  if (input.answer === "data") {
    return Response.json({ following: input.intent === "follow", followers: await followerCount(target), error: null });
  }
  return redirect(back);
}
