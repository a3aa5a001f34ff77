// Fills a development database with a few paid orders for looking at the packing room: `DATABASE_URL=… npx tsx tests/bench/demo-orders.ts`.
import { db } from "~/lib/db.server";
import { createPaidOrder } from "../helpers/paid-order-fixture";

const HOUR = 3_600_000;
const now = Date.now();
const show = await db.show.findFirst({ where: { status: "ended" } });
const berry = await db.product.findFirst({ where: { workshop: { slug: "berry-good-market" }, perishable: true } });
const batch = await db.batch.findFirst({
  where: { workshop: { slug: "duzuo-rice-wine" } },
  include: { product: true },
});
for (let i = 0; i < 6; i++) {
  await createPaidOrder({
    workshopSlug: "berry-good-market",
    paidAt: new Date(now - (30 - i * 4) * HOUR),
    shipBy: new Date(now + (i * 5 - 8) * HOUR),
    lines: [{ productSlug: berry?.slug, quantity: 1 + (i % 3), showId: i % 2 ? show?.id : undefined }],
    contactName: ["张三", "王阿姨", "陈师傅", "李小梅", "赵一鸣", "周敏"][i],
  });
}
await createPaidOrder({
  workshopSlug: "duzuo-rice-wine",
  lines: [{ quantity: 2, customisationNote: "瓶身贴“生日快乐”" }],
});
if (batch) {
  await createPaidOrder({
    workshopSlug: "duzuo-rice-wine",
    lines: [{ productSlug: batch.product.slug, batchId: batch.id }],
  });
}
console.log("demo orders written");
await db.$disconnect();
