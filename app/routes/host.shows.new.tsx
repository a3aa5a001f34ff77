// Scheduling a new show (approved hosts only).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { ShowForm } from "~/components/host/show-form";
import { createShow, lineUpChoices } from "~/domain/live/shows.server";
import { requireApprovedHost } from "~/web/auth.server";
import { toShanghaiLocal } from "~/lib/shanghai-time";
import { showFormAction } from "~/web/show-form-action.server";
import { uploadDirOf } from "~/web/uploaded-image.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = {
  i18n: ["account", "aftersales", "checkout", "live", "luckybag", "reviews", "studio"],
};
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApprovedHost(request);
  // A sensible default: the next full hour, an hour from now.
  const next = new Date(Math.ceil((Date.now() + 3600_000) / 3600_000) * 3600_000);
  return {
    choices: await lineUpChoices(),
    scheduledAt: toShanghaiLocal(next),
    pageTitle: await pageTitle(request, (t) => t("live:form.newTitle")),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { hostId } = await requireApprovedHost(request);
  return showFormAction(request, uploadDirOf(context), async (input) => (await createShow(hostId, input)).id);
}

export default function NewShow() {
  const { t } = useTranslation("live");
  const { choices, scheduledAt } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-semibold">{t("form.newTitle")}</h1>
      <ShowForm
        id="new-show"
        lastResult={lastResult}
        choices={choices}
        submitLabel={t("form.create")}
        withRecording={false}
        defaults={{
          title: "",
          scheduledAt,
          playbackKind: "none",
          playbackUrl: "",
          recordingUrl: "",
          productIds: [],
          coverImage: null,
        }}
      />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
