// The notice inbox: a followed host went live, a reminded show started, an order shipped. Read one (its link marks
// it read) or all at once; turn Web Push on for this phone.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { NoticeList } from "~/components/notices/notice-list";
import { PushControl } from "~/components/notices/push-control";
import { unreadNoticeCount } from "~/domain/notices/audience.server";
import { listNotices, markNoticesRead } from "~/domain/notices/notices.server";
import { getLocale, translator } from "~/lib/locale.server";
import { vapid } from "~/lib/vapid.server";
import type { RouteHandle } from "~/root";
import { requireViewer, safeRedirect } from "~/web/auth.server";
import { pageTitle } from "~/web/page-title.server";
import { readForm } from "~/web/read-form.server";

export const handle: RouteHandle = { i18n: ["notices"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

const ReadSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), noticeId: z.string().trim().min(1).max(64), redirectTo: z.string().max(500) }),
  z.object({ intent: z.literal("readAll") }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [notices, unread] = await Promise.all([listNotices(viewer.id), unreadNoticeCount(viewer.id)]);
  return {
    notices,
    unread,
    pushKey: vapid().publicKey,
    pageTitle: await pageTitle(request, (t) => t("notices:page.title")),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const submission = parseWithZod(await readForm(request), { schema: ReadSchema });
  if (submission.status !== "success") {
    return data({ error: translator(await getLocale(request))("notices:error.badRequest") }, { status: 400 });
  }
  const input = submission.value;
  if (input.intent === "readAll") {
    await markNoticesRead(viewer.id, "all");
    return redirect("/notices");
  }
  await markNoticesRead(viewer.id, input.noticeId);
  return redirect(safeRedirect(input.redirectTo, "/notices"));
}

export default function NoticesPage() {
  const { t } = useTranslation("notices");
  const { notices, unread, pushKey } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-2xl px-3 py-4 sm:px-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("page.title")}</h1>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="readAll" />
            <button
              type="submit"
              className="min-h-11 rounded-full px-4 text-sm font-medium text-stone-800 ring-1 ring-stone-300"
            >
              {t("page.markAll")}
            </button>
          </Form>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-stone-600">{t("page.intro")}</p>
      <NoticeList notices={notices} />
      <PushControl publicKey={pushKey} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
