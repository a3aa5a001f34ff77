// Pre-order batches in the packing room: how full each one is, when it is ready, how many parcels wait on it,
// and the button that releases it into the queue.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { formatDate } from "~/lib/shanghai-time";

type Batch = {
  id: string;
  nameZh: string;
  nameEn: string;
  readyDate: Date;
  capacity: number;
  reserved: number;
  status: string;
  parcels: number;
  product: { titleZh: string; titleEn: string };
};

export function BatchPanel({ batches }: { batches: Batch[] }) {
  const { t, i18n } = useTranslation("fulfil");
  const en = i18n.language === "en";
  if (batches.length === 0) return null;
  return (
    <section aria-labelledby="batches-title" className="mt-4 rounded-xl border border-stone-200 bg-white p-3">
      <h2 id="batches-title" className="text-lg font-semibold">
        {t("batch.title")}
      </h2>
      <ul className="mt-2 divide-y divide-stone-100">
        {batches.map((batch) => {
          const full = Math.min(100, Math.round((batch.reserved / Math.max(1, batch.capacity)) * 100));
          return (
            <li key={batch.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2">
              <div className="min-w-48 flex-1">
                <p className="font-medium">{en ? batch.nameEn : batch.nameZh}</p>
                <p className="text-sm text-stone-600">
                  {en ? batch.product.titleEn : batch.product.titleZh} ·{" "}
                  {t("batch.ready", { date: formatDate(batch.readyDate, i18n.language) })}
                </p>
                <div className="mt-1 flex items-center gap-2 text-sm text-stone-700">
                  <meter min={0} max={batch.capacity} value={batch.reserved} className="h-2 w-28" aria-hidden />
                  <span>
                    {t("batch.reserved", { reserved: batch.reserved, capacity: batch.capacity, percent: full })}
                  </span>
                </div>
              </div>
              <Link
                to={`?status=${batch.status === "open" ? "waiting" : "all"}&batch=${batch.id}`}
                className="text-sm text-brand-700 underline"
              >
                {t("batch.parcels", { count: batch.parcels })}
              </Link>
              {batch.status === "open" ? (
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="release" />
                  <input type="hidden" name="batchId" value={batch.id} />
                  <button
                    type="submit"
                    className="min-h-11 rounded-full bg-leaf-600 px-4 font-medium text-white hover:bg-leaf-700"
                  >
                    {t("batch.release")}
                  </button>
                </Form>
              ) : (
                <span className="rounded-full bg-green-50 px-3 py-1 text-sm text-green-800">{t("batch.released")}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
