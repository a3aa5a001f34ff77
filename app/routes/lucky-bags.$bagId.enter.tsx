// Entering a lucky bag (the room's 参与 button posts here through a fetcher): the ticket, or the reason it was
// refused. The bag's sheet opens only with JavaScript, so this answers data, never a page.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import * as z from "zod";
import { enterLuckyBag } from "~/domain/promotions/lucky-bags.server";
import { requireViewer } from "~/web/auth.server";
import { DomainError } from "~/domain/errors.server";
import { refusalOf } from "~/web/domain-error-answer.server";
import { readForm } from "~/web/read-form.server";

const EnterSchema = z.object({ via: z.enum(["tap", "follow"]) });

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/lucky-bags/${params.bagId ?? ""}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const bagId = params.bagId ?? "";
  const parsed = EnterSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return Response.json({ error: { key: "luckybag:error.badRequest" } }, { status: 400 });
  try {
    const { ticket } = await enterLuckyBag(bagId, viewer.id, parsed.data.via);
    return Response.json({ ticket });
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal || !(error instanceof DomainError)) throw error;
    return Response.json({ error: refusal }, { status: error.status });
  }
}
