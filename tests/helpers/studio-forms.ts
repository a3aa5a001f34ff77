// What a browser without JavaScript posts from the studio's product editor, built from a stored product, plus
// small real image files for upload tests.
import { deflateSync } from "node:zlib";
import { db } from "~/lib/db.server";
import { yuanInput } from "~/lib/money";

export async function productBySlug(slug: string) {
  return db.product.findUniqueOrThrow({
    where: { slug },
    include: { variants: { orderBy: { position: "asc" } }, workshop: { select: { slug: true } } },
  });
}

type Stored = Awaited<ReturnType<typeof productBySlug>>;

/** The editor's fields for a stored product, as the page would submit them unchanged. */
export function productFields(product: Stored): Record<string, string> {
  const fields: Record<string, string> = {
    intent: "save",
    titleZh: product.titleZh,
    titleEn: product.titleEn,
    descriptionZh: product.descriptionZh,
    descriptionEn: product.descriptionEn,
    categoryId: product.categoryId,
    status: product.status,
  };
  if (product.perishable) fields.perishable = "on";
  if (product.preorder) fields.preorder = "on";
  if (product.customisable) fields.customisable = "on";
  fields.customisationPromptZh = product.customisationPromptZh ?? "";
  fields.customisationPromptEn = product.customisationPromptEn ?? "";
  product.variants.forEach((v, i) => {
    fields[`variants[${i}].id`] = v.id;
    fields[`variants[${i}].nameZh`] = v.nameZh;
    fields[`variants[${i}].nameEn`] = v.nameEn;
    fields[`variants[${i}].sku`] = v.sku;
    fields[`variants[${i}].price`] = yuanInput(v.priceFen);
    fields[`variants[${i}].marketPrice`] = v.marketPriceFen === null ? "" : yuanInput(v.marketPriceFen);
    fields[`variants[${i}].stock`] = String(v.stock);
    fields[`variants[${i}].stockWas`] = String(v.stock);
    fields[`variants[${i}].weightGrams`] = String(v.weightGrams);
  });
  return fields;
}

/** Everything about a workshop's catalogue that a refused request must leave exactly as it was. */
export async function catalogueSnapshot(workshopSlug: string) {
  const workshop = await db.workshop.findUniqueOrThrow({ where: { slug: workshopSlug } });
  const [products, batches] = await Promise.all([
    db.product.findMany({
      where: { workshopId: workshop.id },
      orderBy: { id: "asc" },
      include: { variants: { orderBy: { id: "asc" } } },
    }),
    db.batch.findMany({ where: { workshopId: workshop.id }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ workshop, products, batches });
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real, decodable PNG: a small square of one colour. */
export function pngImage(size = 8, rgb: [number, number, number] = [194, 65, 12]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The multipart body the editor's photo form sends. */
export function uploadForm(bytes: Buffer | string, filename: string, type = "image/png"): FormData {
  const form = new FormData();
  form.set("intent", "image-upload");
  form.set("image", new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], { type }), filename);
  return form;
}
