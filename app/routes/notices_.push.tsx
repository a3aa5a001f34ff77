// Where the notices page hands over (or takes back) this browser's Web Push subscription.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import * as z from "zod";
import { removePushSubscription, savePushSubscription } from "~/domain/notices/push.server";
import { env } from "~/lib/env.server";
import { getLocale, translator } from "~/lib/locale.server";
import { requireViewer } from "~/web/auth.server";
import { domainErrorJson } from "~/web/domain-error-answer.server";
import { readForm } from "~/web/read-form.server";

// Push services' endpoints are a few hundred characters; the keys are base64url (65-byte point, 16-byte secret).
const base64url = (min: number, max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+=*$/)
    .min(min)
    .max(max);
const PushSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("subscribe"),
    endpoint: z.string().url().max(1000),
    p256dh: base64url(80, 100),
    auth: base64url(16, 32),
  }),
  z.object({ intent: z.literal("unsubscribe"), endpoint: z.string().max(1000) }),
]);

export async function loader() {
  return redirect("/notices");
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const locale = await getLocale(request);
  const submission = parseWithZod(await readForm(request), { schema: PushSchema });
  if (submission.status !== "success") {
    return Response.json({ ok: false, error: translator(locale)("notices:error.badRequest") }, { status: 400 });
  }
  const input = submission.value;
  try {
    if (input.intent === "subscribe") {
      await savePushSubscription(
        viewer.id,
        { endpoint: input.endpoint, keys: { p256dh: input.p256dh, auth: input.auth } },
        locale,
        env().NODE_ENV === "production",
      );
    } else await removePushSubscription(viewer.id, input.endpoint);
  } catch (error) {
    return domainErrorJson(error, locale);
  }
  return Response.json({ ok: true, error: null });
}
