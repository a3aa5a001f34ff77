// The one way the workshop's tab and the admin's list turn an answer form into the domain's call, and its
// refusals into a message beside the field (worded in the visitor's language).
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { answerRequest, refundApproved, type Answerer } from "~/domain/after-sales/answers.server";
import { AnswerSchema } from "~/domain/after-sales/forms";
import { DomainError } from "~/domain/errors.server";
import { getLocale, translator } from "~/lib/locale.server";
import { readForm } from "./read-form.server";

const FIELD_OF: Record<string, string> = {
  "aftersales:error.amount": "amount",
  "aftersales:error.aboveAsked": "amount",
  "aftersales:error.refusalReason": "reason",
};

/** Null when the answer was given (the caller redirects), else the 4xx answer to return. */
export async function submitAnswer(request: Request, by: Answerer) {
  const formData = await readForm(request);
  const t = translator(await getLocale(request));
  const id = String(formData.get("id") ?? "").slice(0, 64);
  const submission = parseWithZod(formData, { schema: AnswerSchema });
  if (submission.status !== "success") {
    const [field, messages] = Object.entries(submission.error ?? {}).find(([, m]) => m?.length) ?? ["", []];
    const key = messages?.[0] ?? "aftersales:error.notFound";
    return data({ answerError: { id, field: field === "intent" ? "" : field, message: t(key) } }, { status: 400 });
  }
  const value = submission.value;
  try {
    if (value.intent === "retry-refund") await refundApproved(value.id, by.actorUserId);
    else
      await answerRequest({
        requestId: value.id,
        by,
        answer:
          value.intent === "approve"
            ? { action: "approve", amountFen: value.amount }
            : value.intent === "refuse"
              ? { action: "refuse", reason: value.reason }
              : { action: "ask-return" },
      });
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.status === 404) throw new Response(t(error.messageKey), { status: 404 });
    return data(
      { answerError: { id, field: FIELD_OF[error.messageKey] ?? "", message: t(error.messageKey, error.values) } },
      { status: error.status >= 500 ? 503 : error.status },
    );
  }
}
