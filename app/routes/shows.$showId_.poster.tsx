// A show's share poster (PNG): title, start time, host, the line-up's lowest price and a QR code to the show.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getShow } from "~/domain/live/show-schedule.server";
import { getLocale, translator } from "~/lib/locale.server";
import { formatMoney } from "~/lib/money";
import { formatDateTime } from "~/lib/shanghai-time";
import { invariantResponse } from "~/web/http.server";
import { posterResponse } from "~/web/poster-answer.server";
import { siteOrigin } from "~/web/site-origin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const show = await getShow(params.showId ?? "", locale);
  invariantResponse(show, t("store:show.notFound"));
  const prices = show.lineUp.filter((card) => card.minPriceFen > 0).map((card) => card.minPriceFen);
  const lowest = prices.length ? Math.min(...prices) : null;
  const at = show.status === "live" ? (show.startedAt ?? show.scheduledAt) : show.scheduledAt;
  return posterResponse(
    request,
    {
      brand: t("notices:poster.brand"),
      badge: t(show.status === "live" ? "notices:poster.liveBadge" : "notices:poster.showBadge"),
      title: show.title,
      lines: [
        t("notices:poster.time", { time: formatDateTime(at, locale) }),
        t("notices:poster.host", { host: show.hostVillage ? `${show.hostName} · ${show.hostVillage}` : show.hostName }),
      ],
      price: lowest === null ? null : t("notices:poster.priceFrom", { price: formatMoney(lowest, locale) }),
      url: `${siteOrigin(request)}/shows/${show.id}`,
      caption: t("notices:poster.showCaption"),
    },
    show.coverImage,
  );
}
