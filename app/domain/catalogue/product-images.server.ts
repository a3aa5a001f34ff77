// The ordered photos of a workshop's product: add, move and remove. The first photo is the product's cover.
import { db } from "~/lib/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { MAX_IMAGES } from "~/domain/catalogue/limits";
import { InvalidFields, NotFound } from "../errors.server";

type Tx = Prisma.TransactionClient;

// Locks the product's row so two people reordering photos at once cannot lose each other's change.
async function lockImages(tx: Tx, workshopId: string, productId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ images: string[] }[]>`
    SELECT images FROM "Product" WHERE id = ${productId} AND "workshopId" = ${workshopId} FOR UPDATE`;
  if (!rows.length) throw new NotFound();
  return rows[0].images;
}

async function setImages(tx: Tx, productId: string, images: string[]) {
  await tx.product.update({ where: { id: productId }, data: { images } });
}

export function addProductImage(workshopId: string, productId: string, url: string) {
  return db.$transaction(async (tx) => {
    const images = await lockImages(tx, workshopId, productId);
    if (images.length >= MAX_IMAGES) throw new InvalidFields({ image: ["studio:image.error.tooMany"] });
    await setImages(tx, productId, [...images, url]);
  });
}

/** Checks, before a file is written, that the product is this workshop's and has room for one more photo. */
export async function assertRoomForImage(workshopId: string, productId: string) {
  const product = await db.product.findFirst({ where: { id: productId, workshopId }, select: { images: true } });
  if (!product) throw new NotFound();
  if (product.images.length >= MAX_IMAGES) throw new InvalidFields({ image: ["studio:image.error.tooMany"] });
}

export function moveProductImage(workshopId: string, productId: string, url: string, direction: "up" | "down") {
  return db.$transaction(async (tx) => {
    const images = await lockImages(tx, workshopId, productId);
    const from = images.indexOf(url);
    if (from === -1) throw new NotFound();
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= images.length) return;
    const next = [...images];
    [next[from], next[to]] = [next[to], next[from]];
    await setImages(tx, productId, next);
  });
}

export function removeProductImage(workshopId: string, productId: string, url: string) {
  return db.$transaction(async (tx) => {
    const images = await lockImages(tx, workshopId, productId);
    if (!images.includes(url)) throw new NotFound();
    await setImages(
      tx,
      productId,
      images.filter((image) => image !== url),
    );
  });
}
