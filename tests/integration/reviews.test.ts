import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { hideReview, replyToReview } from "~/domain/reviews/reviews.server";
import { Visitor } from "../helpers/http";
import { createPaidOrder } from "../helpers/paid-order-fixture";
import { startTestServer } from "../helpers/server";

let baseUrl: string;
let shopper: Visitor;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  shopper = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
});

function reviewForm(fields: Record<string, string>, photos = 0) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (let i = 0; i < photos; i++) form.append("photos", new Blob([PNG], { type: "image/png" }), `p${i}.png`);
  return form;
}

async function lineOf(status: "queued" | "delivered", productSlug?: string) {
  const order = await createPaidOrder({
    workshopSlug: "duzuo-rice-wine",
    buyerEmail: "shopper@cunbo.test",
    status,
    lines: productSlug ? [{ productSlug }] : undefined,
  });
  return db.orderLine.findFirstOrThrow({ where: { orderId: order.orderId }, include: { product: true } });
}

describe("reviews", () => {
  it("a review needs a delivered line of the buyer's own, once, with at most six photos", async () => {
    const waiting = await lineOf("queued");
    const early = await shopper.post(`/account/reviews/${waiting.id}`, reviewForm({ stars: "5", text: "好" }));
    expect(early.status).toBe(403);
    expect(await early.text()).toContain("包裹送达后才能评价");
    expect(await (await shopper.get(`/account/reviews/${waiting.id}`)).text()).toContain("包裹送达后才能评价");

    const line = await lineOf("delivered");
    const stranger = await new Visitor(baseUrl).logIn("staff.duzuo@cunbo.test");
    expect((await stranger.post(`/account/reviews/${line.id}`, reviewForm({ stars: "5", text: "好" }))).status).toBe(
      404,
    );
    const tooMany = await shopper.post(`/account/reviews/${line.id}`, reviewForm({ stars: "5", text: "好" }, 7));
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("最多只能上传 6 张照片");
    const badStars = await shopper.post(`/account/reviews/${line.id}`, reviewForm({ stars: "9", text: "好" }));
    expect(badStars.status).toBe(400);
    expect(await badStars.text()).toContain("请打 1 到 5 星");

    const before = await db.product.findUniqueOrThrow({ where: { id: line.productId } });
    const posted = await shopper.post(
      `/account/reviews/${line.id}`,
      reviewForm({ stars: "4", text: "酒香很正，冬天温着喝" }, 2),
    );
    expect(posted.status).toBe(302);
    const review = await db.review.findUniqueOrThrow({ where: { orderLineId: line.id } });
    expect(review).toMatchObject({ stars: 4, anonymous: true });
    expect(review.photos).toHaveLength(2);
    const after = await db.product.findUniqueOrThrow({ where: { id: line.productId } });
    expect([after.reviewCount, after.reviewStarsSum]).toEqual([before.reviewCount + 1, before.reviewStarsSum + 4]);
    const again = await shopper.post(`/account/reviews/${line.id}`, reviewForm({ stars: "1", text: "再来" }));
    expect(again.status).toBe(409);
    expect(await db.review.count({ where: { orderLineId: line.id } })).toBe(1);
  });

  it("the product page lists reviews with photos first under a masked name, the workshop replies once, the admin hides with a reason its author sees", async () => {
    const slug = (await lineOf("delivered")).product.slug;
    const withPhoto = await lineOf("delivered", slug);
    const plain = await lineOf("delivered", slug);
    await shopper.post(`/account/reviews/${withPhoto.id}`, reviewForm({ stars: "5", text: "有图的评价" }, 1));
    await shopper.post(`/account/reviews/${plain.id}`, reviewForm({ stars: "3", text: "没有图的评价" }));
    const page = await (await fetch(`${baseUrl}/products/${slug}`)).text();
    expect(page.indexOf("有图的评价")).toBeGreaterThan(-1);
    expect(page.indexOf("有图的评价")).toBeLessThan(page.indexOf("没有图的评价"));
    const name = (await db.user.findUniqueOrThrow({ where: { email: "shopper@cunbo.test" } })).name;
    expect(page).not.toContain(`>${name}<`);
    expect(page).toContain("条评价");

    const review = await db.review.findUniqueOrThrow({ where: { orderLineId: plain.id } });
    const staff = await db.user.findUniqueOrThrow({ where: { email: "staff.duzuo@cunbo.test" } });
    await replyToReview(review.workshopId, review.id, staff.id, "谢谢您，下次给您多送一包");
    await expect(replyToReview(review.workshopId, review.id, staff.id, "第二次")).rejects.toMatchObject({
      messageKey: "reviews:error.replied",
    });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@cunbo.test" } });
    const counted = await db.product.findUniqueOrThrow({ where: { slug } });
    await hideReview(review.id, admin.id, "含有联系方式");
    const hidden = await db.product.findUniqueOrThrow({ where: { slug } });
    expect([hidden.reviewCount, hidden.reviewStarsSum]).toEqual([counted.reviewCount - 1, counted.reviewStarsSum - 3]);
    expect(await (await fetch(`${baseUrl}/products/${slug}`)).text()).not.toContain("没有图的评价");
    expect(await (await shopper.get(`/account/reviews/${plain.id}`)).text()).toContain("含有联系方式");
  });
});
