// A product's rating (average stars and count) and its buyers' reviews, photos first, as the product page and
// the live room's pinned card show them.
import { useTranslation } from "~/lib/i18n-react";
import { averageStars, type ReviewView } from "~/domain/reviews/review-rules";
import { formatShanghai } from "~/lib/shanghai-time";
import type { Locale } from "~/lib/i18n";

export function RatingSummary({
  count,
  starsSum,
  className = "",
}: {
  count: number;
  starsSum: number;
  className?: string;
}) {
  const { t } = useTranslation("reviews");
  const average = averageStars(count, starsSum);
  return (
    <p className={`text-sm ${className}`} data-testid="rating">
      {average === null ? (
        t("rating.none")
      ) : (
        <>
          <span aria-hidden="true" className="text-amber-500">
            ★{" "}
          </span>
          {t("rating.summary", { average: average.toFixed(1), count })}
        </>
      )}
    </p>
  );
}

export function ReviewList({ reviews, locale }: { reviews: ReviewView[]; locale: Locale }) {
  const { t } = useTranslation("reviews");
  const pick = (zh: string, en: string) => (locale === "en" ? en : zh);
  return (
    <ul className="space-y-4">
      {reviews.map((review) => (
        <li key={review.id} className="space-y-1 border-b border-stone-200 pb-3">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span lang="zh-CN" translate="no" data-as-written className="font-medium">
              {review.name}
            </span>
            <span className="text-amber-500" aria-label={t("rating.stars", { stars: review.stars })}>
              {"★".repeat(review.stars)}
            </span>
            <span className="text-stone-500">{formatShanghai(review.createdAt, locale)}</span>
          </p>
          <p className="text-xs text-stone-500">
            {t("list.variant", { variant: pick(review.variantZh, review.variantEn) })}
          </p>
          <p data-as-written className="text-stone-800">
            {review.text}
          </p>
          {review.photos.length ? (
            <div className="flex flex-wrap gap-2">
              {review.photos.map((src, i) => (
                <img
                  key={src}
                  src={src}
                  alt={t("list.photo", { n: i + 1 })}
                  loading="lazy"
                  className="h-20 w-20 rounded-lg object-cover"
                />
              ))}
            </div>
          ) : null}
          {review.reply ? (
            <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm">
              {t("list.reply")} <span data-as-written>{review.reply}</span>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
