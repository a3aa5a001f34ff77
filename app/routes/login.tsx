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
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { retryAfterText } from "~/components/retry-after";
import { Button, Field, FieldError } from "~/components/ui/field";
import { verifyLogin } from "~/domain/accounts/accounts.server";
import { createUserSession, getUserId, safeRedirect } from "~/web/auth.server";
import { env } from "~/lib/env.server";
import { DEMO_PASSWORD, demoAccounts } from "~/domain/accounts/demo-accounts";
import { beginLogin, tooManyAttempts } from "~/lib/login-limits.server";
import { readForm } from "~/web/read-form.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "checkout"] };
import { pageTitle } from "~/web/page-title.server";

const LoginSchema = z.object({
  email: z.email("account:error.email").max(200, "account:error.email"),
  // No account has a longer one (sign-up caps it at 200); the cap bounds the hashing work a request can ask for.
  password: z.string("account:error.password").min(1, "account:error.password").max(1000, "account:login.invalid"),
  redirectTo: z.string().optional(),
});

// A refused attempt's Retry-After goes out with the page too, not only with the data of a scripted submit.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUserId(request)) throw redirect("/");
  return {
    demo: env().DEMO_ACCOUNTS === "off" ? null : { password: DEMO_PASSWORD, accounts: demoAccounts },
    pageTitle: await pageTitle(request, (t) => t("account:login.title")),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  // Limited here, in the one action every spelling of the URL reaches (/login, /login.data, /LOGIN/?index…).
  const attempt = await beginLogin(context.clientAddress ?? "unknown", email);
  if (attempt.refused) {
    return tooManyAttempts(
      submission.reply({ formErrors: ["account:tooMany.title"], hideFields: ["password"] }),
      attempt.refused,
    );
  }
  const user = await verifyLogin(email, password);
  await attempt.settle(Boolean(user));
  if (!user) {
    return data(submission.reply({ formErrors: ["account:login.invalid"], hideFields: ["password"] }), {
      status: 400,
    });
  }
  return createUserSession(request, user.id, safeRedirect(redirectTo), context.clientAddress);
}

export default function LoginPage() {
  const { t, i18n } = useTranslation("account");
  const { demo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-10">
      <h1 className="text-2xl font-semibold">{t("login.title")}</h1>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field
          label={t("login.email")}
          autoComplete="email"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: "email" })}
          id={fields.email.id}
        />
        <Field
          label={t("login.password")}
          autoComplete="current-password"
          errors={fields.password.errors}
          {...getInputProps(fields.password, { type: "password" })}
          id={fields.password.id}
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
          {t("login.submit")}
        </Button>
      </Form>
      <p className="mt-4 text-sm text-stone-700">
        {t("login.noAccount")}{" "}
        <Link className="text-brand-700 underline" to={`/signup?${searchParams}`}>
          {t("signup.title")}
        </Link>
      </p>
      {demo ? (
        <details className="mt-8 rounded-lg border border-stone-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium">{t("login.demo", { password: demo.password })}</summary>
          <ul className="mt-2 space-y-1 text-stone-700">
            {demo.accounts.map((account) => (
              <li key={account.email}>
                <code>{account.email}</code> — {i18n.language === "en" ? account.roleEn : account.roleZh}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
