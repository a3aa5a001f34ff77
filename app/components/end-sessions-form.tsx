// The admin's form to sign a person out of every device (a stolen phone, a shared computer, a suspended seller).
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { Field } from "~/components/ui/field";

export const EndSessionsSchema = z.object({
  intent: z.literal("end-sessions"),
  email: z.email("admin:endSessions.email").max(200, "admin:endSessions.email"),
});

export function EndSessionsForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useForm({
    id: "end-sessions",
    lastResult,
    constraint: getZodConstraint(EndSessionsSchema),
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EndSessionsSchema }),
  });
  return (
    <section aria-labelledby="end-sessions-title" className="rounded-2xl border border-stone-200 bg-white p-4">
      <h2 id="end-sessions-title" className="text-lg font-semibold">
        {t("endSessions.title")}
      </h2>
      <p className="mt-1 text-sm text-stone-700">{t("endSessions.hint")}</p>
      <Form method="post" className="mt-3 flex flex-wrap items-end gap-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="end-sessions" />
        <Field
          className="min-w-64 flex-1"
          label={t("endSessions.emailLabel")}
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: "email" })}
          id={fields.email.id}
        />
        <button
          type="submit"
          className="min-h-11 rounded-full border border-red-300 bg-white px-5 text-red-700 hover:bg-red-50"
        >
          {t("endSessions.submit")}
        </button>
      </Form>
    </section>
  );
}
