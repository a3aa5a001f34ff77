// Entering a lucky bag (the room's 参与 button posts here): the ticket, or the reason it was refused. A post
// without JavaScript goes back to the room, which then shows the viewer as entered.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { enterLuckyBag } from "~/domain/promotions/lucky-bags.server";
import { requireViewer } from "~/web/auth.server";
import { domainErrorReply, domainErrorResponse } from "~/web/domain-error-answer.server";
import { readForm } from "~/web/read-form.server";

const EnterSchema = z.object({ via: z.enum(["tap", "follow"]) });

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/lucky-bags/${params.bagId ?? ""}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const bagId = params.bagId ?? "";
  const parsed = EnterSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: { key: "luckybag:error.badRequest" } }, { status: 400 });
  const fromScript = new URL(request.url).searchParams.has("_data");
  try {
    const { ticket, showId } = await enterLuckyBag(bagId, viewer.id, parsed.data.via);
    return fromScript ? { ticket } : redirect(`/live/${showId}`);
  } catch (error) {
    if (fromScript) return domainErrorReply(error, request, ({ key, values }) => ({ error: { key, values } }));
    throw await domainErrorResponse(error, request);
  }
}
