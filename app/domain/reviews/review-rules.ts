// Reviews, client-safe: what a review may be (the form the buyer fills in, the workshop's reply, the admin's
// reason to hide one), the name it is shown under, and the rating a card shows.
import * as z from "zod";
import { maskedName } from "../accounts/masked-name";

export const REVIEW_MAX_PHOTOS = 6;
export const REVIEW_TEXT_MAX = 500;
export const REPLY_TEXT_MAX = 300;
export const HIDE_REASON_MAX = 200;

const text = (max: number, key: string) =>
  z
    .string(key)
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(1, key).max(max, key));

export const ReviewFormSchema = z.object({
  stars: z.coerce
    .number("reviews:error.stars")
    .int("reviews:error.stars")
    .min(1, "reviews:error.stars")
    .max(5, "reviews:error.stars"),
  text: text(REVIEW_TEXT_MAX, "reviews:error.text"),
  // Anonymous unless the buyer unticks it: the box is "show my name".
  showName: z.literal("on").optional(),
});

export const ReplyFormSchema = z.object({
  intent: z.literal("reply"),
  reviewId: z.string().min(1).max(40),
  reply: text(REPLY_TEXT_MAX, "reviews:error.reply"),
});

export const HideFormSchema = z.object({
  intent: z.literal("hide"),
  reviewId: z.string().min(1).max(40),
  reason: text(HIDE_REASON_MAX, "reviews:error.reason"),
});

/** The name a review is shown under: masked unless its author chose to show it. */
export function reviewerName(authorName: string, anonymous: boolean): string {
  return anonymous ? maskedName(authorName) : authorName;
}

/** 4.8: the average of the stars to one decimal, or null with no reviews. */
export function averageStars(count: number, starsSum: number): number | null {
  return count > 0 ? Math.round((starsSum * 10) / count) / 10 : null;
}

/** A review as the product page shows it. */
export type ReviewView = {
  id: string;
  stars: number;
  text: string;
  photos: string[];
  name: string;
  variantZh: string;
  variantEn: string;
  createdAt: string;
  reply: string | null;
  repliedAt: string | null;
};
