// A workshop's packing queue, read-only, soonest ship-by first. (The workshop console that accepts, packs and
// ships is its own area; this is what a member sees the moment an order is paid.)
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { workshopQueue } from "~/domain/fulfilment.server";
import { requireWorkshopMember } from "~/lib/auth.server";
import { formatShanghai } from "~/lib/shanghai-time";

export const meta: MetaFunction = () => [{ title: "发货队列 · 村播 Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  return { workshop: { nameZh: workshop.nameZh, nameEn: workshop.nameEn }, queue: await workshopQueue(workshop.id) };
}

export default function WorkshopQueuePage() {
  const { t, i18n } = useTranslation("checkout");
  const { workshop, queue } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  return (
    <main id="main" className="mx-auto max-w-3xl px-3 py-6 sm:px-4">
      <h1 className="text-xl font-semibold sm:text-2xl">
        {t("queue.title", { workshop: en ? workshop.nameEn : workshop.nameZh })}
      </h1>
      <p className="mt-1 text-sm text-stone-600">{t("queue.hint")}</p>
      {queue.length === 0 ? <p className="mt-6 text-stone-700">{t("queue.empty")}</p> : null}
      <ol className="mt-4 space-y-3">
        {queue.map((item) => (
          <li key={item.id} className="rounded-xl border border-stone-200 bg-white p-3" data-testid="queue-item">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-semibold">{t("queue.order", { number: item.order.number })}</p>
              <p className="text-sm font-medium text-brand-700">
                {t("queue.shipBy", { time: formatShanghai(item.shipBy, i18n.language) })}
              </p>
            </div>
            <p className="text-sm text-stone-700">
              {t(`fulfilment.status.${item.status}`)} ·{" "}
              {t("queue.to", { province: item.order.province, city: item.order.city })}
            </p>
            <ul className="mt-2 text-sm">
              {item.order.lines.map((line) => (
                <li key={line.id}>
                  {en ? line.titleEn : line.titleZh} · {en ? line.variantNameEn : line.variantNameZh} × {line.quantity}
                  {line.customisationNote ? (
                    <span className="block text-xs text-stone-600">
                      {t("queue.note", { note: line.customisationNote })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
