// Handles on the seeded demo market that checkout tests buy from: variants by SKU, the live tea show and its pin.
import { db } from "~/lib/db.server";

export async function variantBySku(sku: string) {
  return db.variant.findUniqueOrThrow({ where: { sku }, include: { product: { include: { workshop: true } } } });
}

/** The live show whose host is the tea granny, with the product pinned right now. */
export async function liveTeaShow() {
  const show = await db.show.findFirstOrThrow({
    where: { status: "live", host: { user: { email: "host.tea@cunbo.test" } } },
    include: {
      host: true,
      pins: {
        where: { unpinnedAt: null },
        include: { product: { include: { variants: { orderBy: { position: "asc" } } } } },
      },
    },
  });
  const pin = show.pins[0];
  return { show, pin, variant: pin.product.variants[0] };
}

/** A flash deal on a variant in a show, running now. */
export async function startFlashDeal(
  showId: string,
  variantId: string,
  priceFen: number,
  quantityCap: number,
  minutes = 30,
) {
  return db.flashDeal.create({
    data: { showId, variantId, priceFen, quantityCap, endsAt: new Date(Date.now() + minutes * 60_000) },
  });
}

export const ADDRESS = {
  contactName: "王阿姨",
  phone: "13812345678",
  email: "wang@example.com",
  province: "浙江省",
  city: "杭州市",
  district: "余杭区",
  street: "径山镇径山村 12 号",
};
