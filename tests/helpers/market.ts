// Handles on the seeded demo market that checkout tests buy from: variants by SKU, the live tea show and its pin.
import { DEAL_MAX_SECONDS } from "~/domain/live/flash-deal-limits";
import { startDeal } from "~/domain/live/flash-deals.server";
import { showForEdit, updateShow } from "~/domain/live/shows.server";
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

/** The variant's product put in the show's line-up (if it is not yet), as the host's show form does. */
export async function addToLineUp(showId: string, variantId: string) {
  const show = await showForEdit(showId);
  if (!show) throw new Error(`no show ${showId}`);
  const { productId } = await db.variant.findUniqueOrThrow({ where: { id: variantId }, select: { productId: true } });
  const productIds = show.items.map((item) => item.productId);
  if (productIds.includes(productId)) return;
  await updateShow(showId, {
    title: show.title,
    coverImage: show.coverImage,
    scheduledAt: show.scheduledAt,
    playback: show.playbackKind && show.playbackUrl ? { kind: show.playbackKind, url: show.playbackUrl } : null,
    recordingUrl: show.recordingUrl,
    productIds: [...productIds, productId],
  });
}

/** A flash deal on a variant in a live show, running now: in its line-up, started as the host starts one. */
export async function startFlashDeal(
  showId: string,
  variantId: string,
  priceFen: number,
  quantityCap: number,
  durationSeconds = DEAL_MAX_SECONDS,
) {
  await addToLineUp(showId, variantId);
  return startDeal(showId, { variantId, priceFen, quantityCap, durationSeconds });
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
