// Reviews of delivered order lines: the buyer writes one per line (only for a line whose parcel was delivered,
// once), the workshop replies once, an admin hides one with a reason its author sees. The product's count and
// stars are kept beside the product in the same transaction, so every card shows its rating without a sum.
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { Conflict, NotAllowed, NotFound } from "../errors.server";
import { REVIEW_MAX_PHOTOS, reviewerName, type ReviewView } from "./review-rules";

type Tx = Prisma.TransactionClient;

/** A line the signed-in buyer may review (or has reviewed): their own order's, its parcel delivered. */
export async function reviewableLine(userId: string, orderLineId: string) {
  const line = await db.orderLine.findFirst({
    where: { id: orderLineId, order: { userId } },
    select: {
      id: true,
      orderId: true,
      workshopId: true,
      productId: true,
      titleZh: true,
      titleEn: true,
      variantNameZh: true,
      variantNameEn: true,
      product: { select: { slug: true, images: true } },
      order: { select: { accessToken: true, fulfilmentOrders: { select: { workshopId: true, status: true } } } },
      review: {
        select: { id: true, stars: true, text: true, photos: true, anonymous: true, hiddenReason: true, reply: true },
      },
    },
  });
  if (!line) throw new NotFound();
  const delivered = line.order.fulfilmentOrders.some(
    (f) => f.workshopId === line.workshopId && f.status === "delivered",
  );
  return { ...line, delivered };
}

export type ReviewInput = { stars: number; text: string; photos: string[]; anonymous: boolean };

async function addToRating(tx: Tx, productId: string, count: number, stars: number) {
  await tx.$executeRaw`
    UPDATE "Product" SET "reviewCount" = "reviewCount" + ${count}, "reviewStarsSum" = "reviewStarsSum" + ${stars}
    WHERE "id" = ${productId}`;
}

/** The buyer's review of one line. Refused before delivery, for someone else's line, and a second time. */
export async function submitReview(userId: string, orderLineId: string, input: ReviewInput) {
  if (input.photos.length > REVIEW_MAX_PHOTOS) throw new Conflict("reviews:photo.tooMany");
  const line = await reviewableLine(userId, orderLineId);
  if (!line.delivered) throw new NotAllowed("reviews:error.notDelivered");
  if (line.review) throw new Conflict("reviews:error.already");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  return db.$transaction(async (tx) => {
    const created = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Review" ("id", "orderLineId", "userId", "productId", "workshopId", "stars", "text", "photos",
        "anonymous", "authorName", "updatedAt")
      VALUES (${`r${Date.now().toString(36)}${randomUUID().replace(/-/g, "").slice(0, 16)}`}, ${orderLineId},
        ${userId}, ${line.productId}, ${line.workshopId}, ${input.stars}, ${input.text}, ${input.photos}::text[],
        ${input.anonymous}, ${user.name}, now())
      ON CONFLICT ("orderLineId") DO NOTHING RETURNING "id"`;
    if (!created[0]) throw new Conflict("reviews:error.already");
    await addToRating(tx, line.productId, 1, input.stars);
    return created[0].id;
  });
}

/** The workshop's one reply to a review of its goods. */
export async function replyToReview(workshopId: string, reviewId: string, userId: string, reply: string) {
  const { count } = await db.review.updateMany({
    where: { id: reviewId, workshopId, reply: null },
    data: { reply, repliedAt: new Date(), replyUserId: userId },
  });
  if (count) return;
  const review = await db.review.findFirst({ where: { id: reviewId, workshopId }, select: { id: true } });
  if (!review) throw new NotFound();
  throw new Conflict("reviews:error.replied");
}

/** An admin hides a review (its author is told why); its stars leave the product's rating. */
export async function hideReview(reviewId: string, adminUserId: string, reason: string) {
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ productId: string; stars: number }[]>`
      UPDATE "Review" SET "hiddenAt" = now(), "hiddenReason" = ${reason}, "hiddenByUserId" = ${adminUserId},
        "updatedAt" = now()
      WHERE "id" = ${reviewId} AND "hiddenAt" IS NULL RETURNING "productId", "stars"`;
    if (!rows[0]) {
      if (!(await tx.review.findUnique({ where: { id: reviewId }, select: { id: true } }))) throw new NotFound();
      throw new Conflict("reviews:error.hidden");
    }
    await addToRating(tx, rows[0].productId, -1, -rows[0].stars);
  });
}

const viewSelect = {
  id: true,
  stars: true,
  text: true,
  photos: true,
  anonymous: true,
  authorName: true,
  createdAt: true,
  reply: true,
  repliedAt: true,
  orderLine: { select: { variantNameZh: true, variantNameEn: true } },
} as const satisfies Prisma.ReviewSelect;

function toView(row: Prisma.ReviewGetPayload<{ select: typeof viewSelect }>): ReviewView {
  return {
    id: row.id,
    stars: row.stars,
    text: row.text,
    photos: row.photos,
    name: reviewerName(row.authorName, row.anonymous),
    variantZh: row.orderLine.variantNameZh,
    variantEn: row.orderLine.variantNameEn,
    createdAt: row.createdAt.toISOString(),
    reply: row.reply,
    repliedAt: row.repliedAt?.toISOString() ?? null,
  };
}

/** A product's visible reviews, those with photos first, newest first within each. */
export async function productReviews(productId: string, take = 20): Promise<ReviewView[]> {
  const withPhotos = await db.review.findMany({
    where: { productId, hiddenAt: null, NOT: { photos: { isEmpty: true } } },
    orderBy: { createdAt: "desc" },
    take,
    select: viewSelect,
  });
  const rest =
    withPhotos.length < take
      ? await db.review.findMany({
          where: { productId, hiddenAt: null, photos: { isEmpty: true } },
          orderBy: { createdAt: "desc" },
          take: take - withPhotos.length,
          select: viewSelect,
        })
      : [];
  return [...withPhotos, ...rest].map(toView);
}

/** The workshop's reviews, those still waiting for a reply first. */
export async function workshopReviews(workshopId: string) {
  const rows = await db.review.findMany({
    where: { workshopId },
    orderBy: [{ repliedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    take: 100,
    select: {
      ...viewSelect,
      hiddenAt: true,
      orderLine: { select: { titleZh: true, titleEn: true, variantNameZh: true, variantNameEn: true } },
    },
  });
  return rows.map((row) => ({
    ...toView(row),
    titleZh: row.orderLine.titleZh,
    titleEn: row.orderLine.titleEn,
    hidden: row.hiddenAt !== null,
  }));
}

/** Every review for the admin, newest first (hidden ones with their reason). */
export async function adminReviews() {
  const rows = await db.review.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      ...viewSelect,
      hiddenReason: true,
      orderLine: { select: { titleZh: true, titleEn: true, variantNameZh: true, variantNameEn: true } },
      workshop: { select: { nameZh: true, nameEn: true } },
    },
  });
  return rows.map((row) => ({
    ...toView(row),
    titleZh: row.orderLine.titleZh,
    titleEn: row.orderLine.titleEn,
    workshopZh: row.workshop.nameZh,
    workshopEn: row.workshop.nameEn,
    hiddenReason: row.hiddenReason,
  }));
}

/**
 * For the buyer's order page: each line's review, if written (with the reason, if an admin hid it); null when
 * the viewer is not the order's signed-in buyer (only they may review it).
 */
export async function reviewsOfOrder(orderId: string, userId: string | null) {
  if (!userId || !(await db.order.count({ where: { id: orderId, userId } }))) return null;
  const rows = await db.review.findMany({
    where: { orderLine: { orderId } },
    select: { orderLineId: true, stars: true, hiddenReason: true },
  });
  return Object.fromEntries(rows.map((r) => [r.orderLineId, { stars: r.stars, hiddenReason: r.hiddenReason }]));
}

/** A product's rating figures (reviews not hidden), as kept beside it. */
export async function productRating(productId: string) {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { reviewCount: true, reviewStarsSum: true },
  });
  return { count: product?.reviewCount ?? 0, starsSum: product?.reviewStarsSum ?? 0 };
}
