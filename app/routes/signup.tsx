import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { retryAfterText } from "~/components/retry-after";
import { Button, Field, FieldError } from "~/components/ui/field";
import { signUp } from "~/domain/accounts/accounts.server";
import { Conflict } from "~/domain/errors.server";
import { createUserSession, getUserId, safeRedirect } from "~/web/auth.server";
import { beginSignUp, tooManyAttempts } from "~/lib/login-limits.server";
import { readForm } from "~/web/read-form.server";
import { domainErrorReply } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "checkout"] };
import { pageTitle } from "~/web/page-title.server";

const SignUpSchema = z
  .object({
    name: z.string("account:error.name").trim().min(1, "account:error.name").max(40, "account:error.name"),
    email: z.email("account:error.email").max(200, "account:error.email"),
    password: z.string("account:error.password").min(8, "account:error.password").max(200, "account:error.password"),
    role: z.enum(["shopper", "host", "workshop"]).default("shopper"),
    workshopName: z.string().trim().max(60).optional(),
    village: z.string().trim().max(60).optional(),
    redirectTo: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "workshop" && !value.workshopName) {
      ctx.addIssue({ code: "custom", path: ["workshopName"], message: "account:error.workshopName" });
    }
    if (value.role !== "shopper" && !value.village) {
      ctx.addIssue({ code: "custom", path: ["village"], message: "account:error.village" });
    }
  });

// A refused attempt's Retry-After goes out with the page too, not only with the data of a scripted submit.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUserId(request)) throw redirect("/");
  return { pageTitle: await pageTitle(request, (t) => t("account:signup.title")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: SignUpSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const refused = await beginSignUp(context.clientAddress ?? "unknown");
  if (refused) {
    return tooManyAttempts(
      submission.reply({ formErrors: ["account:tooMany.title"], hideFields: ["password"] }),
      refused,
    );
  }
  try {
    const user = await signUp(submission.value);
    return createUserSession(request, user.id, safeRedirect(submission.value.redirectTo), context.clientAddress);
  } catch (error) {
    return domainErrorReply(
      error,
      request,
      (refusal) => submission.reply({ fieldErrors: { email: [refusal.key] }, hideFields: ["password"] }),
      { only: [Conflict] },
    );
  }
}

export default function SignUpPage() {
  const { t } = useTranslation("account");
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "signup",
    lastResult,
    constraint: getZodConstraint(SignUpSchema),
    shouldRevalidate: "onBlur",
    defaultValue: { role: "shopper" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignUpSchema }),
  });
  const roles = ["shopper", "host", "workshop"] as const;
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-10">
      <h1 className="text-2xl font-semibold">{t("signup.title")}</h1>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field
          label={t("signup.name")}
          autoComplete="nickname"
          errors={fields.name.errors}
          {...getInputProps(fields.name, { type: "text" })}
          id={fields.name.id}
        />
        <Field
          label={t("signup.email")}
          autoComplete="email"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: "email" })}
          id={fields.email.id}
        />
        <Field
          label={t("signup.password")}
          autoComplete="new-password"
          errors={fields.password.errors}
          {...getInputProps(fields.password, { type: "password" })}
          id={fields.password.id}
        />
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">{t("signup.role")}</legend>
          <div className="mt-1 space-y-1">
            {roles.map((role) => (
              <label
                key={role}
                className="flex min-h-11 items-center gap-2 rounded-lg border border-stone-200 bg-white px-3"
              >
                <input
                  type="radio"
                  name={fields.role.name}
                  value={role}
                  defaultChecked={fields.role.initialValue === role}
                />
                {t(`signup.role.${role}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label={t("signup.workshopName")}
          errors={fields.workshopName.errors}
          {...getInputProps(fields.workshopName, { type: "text" })}
          id={fields.workshopName.id}
        />
        <Field
          label={t("signup.village")}
          errors={fields.village.errors}
          {...getInputProps(fields.village, { type: "text" })}
          id={fields.village.id}
        />
        <FieldError
          id={form.errorId}
          errors={
            lastResult && "retryAfterSeconds" in lastResult && typeof lastResult.retryAfterSeconds === "number"
              ? [retryAfterText(t, lastResult.retryAfterSeconds)]
              : form.errors
          }
        />
        <Button type="submit" className="w-full">
          {t("signup.submit")}
        </Button>
      </Form>
      <p className="mt-4 text-sm text-stone-700">
        {t("signup.haveAccount")}{" "}
        <Link className="text-brand-700 underline" to={`/login?${searchParams}`}>
          {t("login.title")}
        </Link>
      </p>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
