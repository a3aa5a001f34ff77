// Publishing from an encoder (OBS 30+ speaks WHIP): the show's WHIP URL and its stream key, shown once when
// issued; issuing again replaces the key, revoking stops it. Plain forms, so it works without JavaScript.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { buttonStyles } from "~/components/host/intent-button";
import { usePick } from "~/components/live/use-pick";
import { currentStreamKeyIssuedAt, issueStreamKey, revokeStreamKey } from "~/domain/live/stream-keys.server";
import { env } from "~/lib/env.server";
import { formatShanghai } from "~/lib/shanghai-time";
import { requireShowHost } from "~/web/auth.server";
import { readForm } from "~/web/read-form.server";
import type { RouteHandle } from "~/root";
import { pageTitle } from "~/web/page-title.server";

export const handle: RouteHandle = { i18n: ["live"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

const IntentSchema = z.object({ intent: z.enum(["issue", "revoke"]) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { show } = await requireShowHost(request, params.showId ?? "");
  const origin = env().PUBLIC_URL ?? new URL(request.url).origin;
  const issuedAt = await currentStreamKeyIssuedAt(show.id);
  return {
    showId: show.id,
    whipUrl: `${origin}/whip/${show.id}`,
    issuedAt: issuedAt?.toISOString() ?? null,
    pageTitle: await pageTitle(request, (t) => t("live:streamKey.pageTitle")),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { show } = await requireShowHost(request, params.showId ?? "");
  const parsed = IntentSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ key: null, error: "live:error.badRequest" }, { status: 400 });
  if (parsed.data.intent === "revoke") {
    await revokeStreamKey(show.id);
    return { key: null, error: null };
  }
  return { key: await issueStreamKey(show.id), error: null };
}

export default function StreamKeyPage() {
  const { t } = useTranslation("live");
  const { locale } = usePick();
  const { showId, whipUrl, issuedAt } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-4 px-4 py-6">
      <nav className="text-sm">
        <Link to={`/host/shows/${showId}`} className="text-brand-700 underline">
          {t("form.backToConsole")}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">{t("streamKey.title")}</h1>
      <p className="text-sm text-stone-700">{t("streamKey.intro")}</p>
      <dl className="space-y-3 rounded-2xl bg-white p-3 ring-1 ring-stone-200">
        <div>
          <dt className="text-sm text-stone-600">{t("streamKey.url")}</dt>
          <dd className="font-mono text-sm break-all" data-testid="whip-url">
            {whipUrl}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("streamKey.key")}</dt>
          <dd className="text-sm">
            {reply?.key ? (
              <>
                <code className="block font-mono break-all" data-testid="stream-key">
                  {reply.key}
                </code>
                <span className="text-amber-800">{t("streamKey.shownOnce")}</span>
              </>
            ) : issuedAt ? (
              t("streamKey.issuedAt", { time: formatShanghai(issuedAt, locale) })
            ) : (
              t("streamKey.none")
            )}
          </dd>
        </div>
      </dl>
      {reply?.error ? (
        <p role="alert" className="text-sm text-red-700">
          {t(reply.error)}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Form method="post">
          <button type="submit" name="intent" value="issue" className={buttonStyles.primary}>
            {issuedAt || reply?.key ? t("streamKey.regenerate") : t("streamKey.issue")}
          </button>
        </Form>
        {issuedAt ? (
          <Form method="post">
            <button type="submit" name="intent" value="revoke" className={buttonStyles.danger}>
              {t("streamKey.revoke")}
            </button>
          </Form>
        ) : null}
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
