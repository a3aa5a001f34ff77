// A show as an .ics file: the phone's calendar adds it (with a reminder 10 minutes before) in one tap.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getShow } from "~/domain/live/show-schedule.server";
import { showCalendar } from "~/domain/notices/calendar.server";
import { getLocale, translator } from "~/lib/locale.server";
import { invariantResponse } from "~/web/http.server";
import { siteOrigin } from "~/web/site-origin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const show = await getShow(params.showId ?? "", locale);
  invariantResponse(show, t("store:show.notFound"));
  const origin = siteOrigin(request);
  const url = `${origin}/live/${show.id}`;
  const body = showCalendar({
    id: show.id,
    title: show.title,
    hostName: show.hostName,
    scheduledAt: new Date(show.scheduledAt),
    endedAt: show.endedAt ? new Date(show.endedAt) : null,
    url,
    domain: new URL(origin).hostname,
    description: t("notices:calendar.description", { host: show.hostName, url }),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="cunbo-show-${show.id}.ics"`,
      "Cache-Control": "private, max-age=60",
    },
  });
}
