// Editing a show: its details, playback source, recording (for the replay) and line-up.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { ShowForm } from "~/components/host/show-form";
import { lineUpChoices, showForEdit, updateShow } from "~/domain/live/shows.server";
import { requireShowHost } from "~/web/auth.server";
import { invariantResponse } from "~/web/http.server";
import { toShanghaiLocal } from "~/lib/shanghai-time";
import { showFormAction } from "~/web/show-form-action.server";
import { uploadDirOf } from "~/web/uploaded-image.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "aftersales", "checkout", "live", "reviews", "studio"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const showId = params.showId ?? "";
  await requireShowHost(request, showId);
  const [show, choices] = await Promise.all([showForEdit(showId), lineUpChoices()]);
  invariantResponse(show, "Show not found");
  return { show, choices, pageTitle: await pageTitle(request, (t) => t("live:form.editTitle")) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const showId = params.showId ?? "";
  await requireShowHost(request, showId);
  return showFormAction(request, uploadDirOf(context), async (input) => {
    await updateShow(showId, input);
    return showId;
  });
}

export default function EditShow() {
  const { t } = useTranslation("live");
  const { show, choices } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-6">
      <nav className="mb-2 text-sm">
        <Link to={`/host/shows/${show.id}`} className="text-brand-700 underline">
          {t("form.backToConsole")}
        </Link>
      </nav>
      <h1 className="mb-4 text-2xl font-semibold">{t("form.editTitle")}</h1>
      <ShowForm
        id={`edit-show-${show.id}`}
        lastResult={lastResult}
        choices={choices}
        submitLabel={t("form.save")}
        withRecording={show.status !== "scheduled"}
        defaults={{
          title: show.title,
          scheduledAt: toShanghaiLocal(show.scheduledAt),
          playbackKind: show.playbackKind ?? "none",
          playbackUrl: show.playbackUrl ?? "",
          recordingUrl: show.recordingUrl ?? "",
          productIds: show.items.map((item) => item.productId),
          coverImage: show.coverImage,
        }}
      />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
