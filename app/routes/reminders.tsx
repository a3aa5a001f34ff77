// Where "remind me" (预约) posts from show cards, the show page and a scheduled live room: set or cancel a reminder,
// then back to the page (without JavaScript) or the new state as data (a fetcher). A guest is sent to log in first.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import * as z from "zod";
import { cancelReminder, remind } from "~/domain/notices/reminders.server";
import { getLocale, translator } from "~/lib/locale.server";
import { getUserId, safeRedirect } from "~/web/auth.server";
import { domainErrorJson, domainErrorResponse } from "~/web/domain-error-answer.server";
import { readForm } from "~/web/read-form.server";

const ReminderSchema = z.object({
  intent: z.enum(["remind", "cancel"]),
  showId: z.string().trim().min(1).max(64),
  redirectTo: z.string().max(500).optional(),
  answer: z.enum(["data", "page"]).optional(),
});

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: ReminderSchema });
  if (submission.status !== "success") {
    return Response.json({ error: translator(await getLocale(request))("notices:error.badRequest") }, { status: 400 });
  }
  const input = submission.value;
  const back = safeRedirect(input.redirectTo, "/");
  const userId = await getUserId(request);
  if (!userId) return redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  try {
    if (input.intent === "remind") await remind(userId, input.showId);
    else await cancelReminder(userId, input.showId);
  } catch (error) {
    // A fetcher reads the sentence from JSON; a page without JavaScript shows it as the answer.
    return input.answer === "data" ? domainErrorJson(error, request) : domainErrorResponse(error, request);
  }
  if (input.answer === "data") return Response.json({ reminded: input.intent === "remind", error: null });
  return redirect(back);
}
