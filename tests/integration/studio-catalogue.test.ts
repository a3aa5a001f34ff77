import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { startTestServer } from "../helpers/server";
import { pngImage, productBySlug, productFields, uploadForm } from "../helpers/studio-forms";

let baseUrl: string;
let visitor: Visitor;
let categoryId: string;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  visitor = await new Visitor(baseUrl).logIn("staff.duzuo@cunbo.test");
  categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "rice-wine" } })).id;
});

function newProduct(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "save",
    titleZh: "桂花米酒",
    titleEn: "",
    descriptionZh: "秋天的桂花拌进新酿的米酒里，清香。",
    descriptionEn: "",
    categoryId,
    status: "draft",
    customisable: "on",
    customisationPromptZh: "想在瓶身写什么字？",
    "attributes[0].labelZh": "净含量",
    "attributes[0].valueZh": "500 ml",
    "attributes[0].labelEn": "Net weight",
    "attributes[0].valueEn": "500 ml",
    "variants[0].nameZh": "1斤装",
    "variants[0].sku": "dz-osm-1j",
    "variants[0].price": "12.8",
    "variants[0].stock": "40",
    "variants[0].weightGrams": "700",
    "variants[1].nameZh": "5斤装",
    "variants[1].nameEn": "5 jin",
    "variants[1].sku": "DZ-OSM-5J",
    "variants[1].price": "¥66.60",
    "variants[1].marketPrice": "62.80",
    "variants[1].stock": "8",
    ...overrides,
  };
}

/** The opening tag of the input with this name, to see whether it is marked invalid beside its message. */
function inputTag(html: string, name: string): string {
  const tag = html.match(new RegExp(`<input[^>]*name="${name.replace(/[[\].]/g, "\\$&")}"[^>]*>`));
  if (!tag) throw new Error(`no input named ${name}`);
  return tag[0];
}

async function productCount() {
  return db.product.count();
}

describe("studio catalogue", () => {
  it("creates a product with its variants, prices typed in yuan and stored in fen", async () => {
    const response = await visitor.post("/studio/duzuo-rice-wine/products/new", newProduct());
    expect(response.status).toBe(302);
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(/^\/studio\/duzuo-rice-wine\/products\/\w+\?saved=created$/);
    const id = location.split("/").pop()!.split("?")[0];
    const product = await db.product.findUniqueOrThrow({
      where: { id },
      include: { variants: { orderBy: { position: "asc" } }, workshop: true },
    });
    expect(product.workshop.slug).toBe("duzuo-rice-wine");
    expect(product.status).toBe("draft");
    // English left blank shows the Chinese.
    expect(product.titleEn).toBe("桂花米酒");
    expect(product.customisationPromptEn).toBe("想在瓶身写什么字？");
    expect(product.attributes).toEqual([
      { labelZh: "净含量", labelEn: "Net weight", valueZh: "500 ml", valueEn: "500 ml" },
    ]);
    expect(
      product.variants.map((v) => [v.sku, v.nameEn, v.priceFen, v.marketPriceFen, v.stock, v.weightGrams]),
    ).toEqual([
      ["DZ-OSM-1J", "1斤装", 1280, null, 40, 700],
      ["DZ-OSM-5J", "5 jin", 6660, 6280, 8, 0],
    ]);

    const list = await (await visitor.get("/studio/duzuo-rice-wine")).text();
    expect(list).toContain("桂花米酒");
    expect(list).toContain("¥66.60");
    expect(list).toContain("草稿");
  });

  it("refuses a bad price and negative stock with messages beside those fields, 400, and nothing saved", async () => {
    const before = await productCount();
    const response = await visitor.post(
      "/studio/duzuo-rice-wine/products/new",
      newProduct({
        "variants[0].price": "12.8.0",
        "variants[1].price": "-5",
        "variants[1].stock": "-3",
        "variants[0].sku": "DZ-BAD-1",
      }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("请按元填写售价，如 66.60");
    expect(html).toContain("库存须为 0 或正整数");
    expect(inputTag(html, "variants[0].price")).toContain('aria-invalid="true"');
    expect(inputTag(html, "variants[1].price")).toContain('aria-invalid="true"');
    expect(inputTag(html, "variants[1].stock")).toContain('aria-invalid="true"');
    expect(inputTag(html, "variants[0].stock")).not.toContain("aria-invalid");
    // What was typed stays in the form, so nothing has to be typed twice.
    expect(inputTag(html, "variants[0].price")).toContain('value="12.8.0"');
    expect(await productCount()).toBe(before);
    expect(await db.variant.count({ where: { sku: "DZ-BAD-1" } })).toBe(0);
  });

  it("refuses a SKU another product already uses, beside that SKU, with 400 and nothing saved", async () => {
    const before = await productCount();
    const response = await visitor.post(
      "/studio/duzuo-rice-wine/products/new",
      newProduct({ "variants[1].sku": "NY-FD-NV", "variants[0].sku": "DZ-NEW-1" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("这个货号已被其他商品使用");
    expect(inputTag(html, "variants[1].sku")).toContain('aria-invalid="true"');
    expect(inputTag(html, "variants[0].sku")).not.toContain("aria-invalid");
    expect(await productCount()).toBe(before);
    expect(await db.variant.count({ where: { sku: "DZ-NEW-1" } })).toBe(0);

    const twice = await visitor.post(
      "/studio/duzuo-rice-wine/products/new",
      newProduct({ "variants[1].sku": "dz-osm-1j", "variants[0].sku": "DZ-OSM-1J" }),
    );
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("同一商品里货号不能重复");
  });

  it("edits a product: changes a price, adds a variant and removes one, keeping the rest", async () => {
    const product = await productBySlug("duzuo-sakura-rice-wine");
    expect(product.variants.length).toBeGreaterThanOrEqual(2);
    const fields = productFields(product);
    const last = product.variants.length - 1;
    // The last variant is dropped from the form (as its remove button does), and a new one takes its place.
    fields[`variants[${last}].id`] = "";
    fields[`variants[${last}].sku`] = "DZ-SAKURA-GIFT";
    fields[`variants[${last}].nameZh`] = "礼盒装";
    fields[`variants[${last}].nameEn`] = "Gift box";
    fields[`variants[${last}].price`] = "188";
    fields[`variants[${last}].marketPrice`] = "";
    fields["variants[0].price"] = "66.60";
    const response = await visitor.post(`/studio/duzuo-rice-wine/products/${product.id}`, fields);
    expect(response.status).toBe(302);
    const after = await productBySlug("duzuo-sakura-rice-wine");
    expect(after.variants.map((v) => v.sku)).toEqual([
      ...product.variants.slice(0, last).map((v) => v.sku),
      "DZ-SAKURA-GIFT",
    ]);
    expect(after.variants[0].priceFen).toBe(6660);
    expect(after.variants[last].priceFen).toBe(18800);
    expect(await db.variant.count({ where: { id: product.variants[last].id } })).toBe(0);
  });

  it("an unchanged stock figure is not written back, so a sale made while the editor was open stands", async () => {
    const product = await productBySlug("duzuo-sakura-rice-cake");
    const fields = productFields(product);
    await db.variant.update({ where: { id: product.variants[0].id }, data: { stock: { decrement: 2 } } });
    fields["variants[0].price"] = "20.00";
    expect((await visitor.post(`/studio/duzuo-rice-wine/products/${product.id}`, fields)).status).toBe(302);
    const variant = await db.variant.findUniqueOrThrow({ where: { id: product.variants[0].id } });
    expect(variant.stock).toBe(product.variants[0].stock - 2);
    expect(variant.priceFen).toBe(2000);
  });

  it("adds a row without JavaScript: the list button answers with the form one row longer", async () => {
    const response = await visitor.post("/studio/duzuo-rice-wine/products/new", {
      ...newProduct(),
      __intent__: JSON.stringify({ type: "insert", payload: { name: "variants" } }),
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('name="variants[2].price"');
    expect(inputTag(html, "variants[1].price")).toContain('value="¥66.60"');
  });

  describe("photos", () => {
    let productId: string;
    let path: string;
    beforeAll(async () => {
      const product = await productBySlug("duzuo-zongzi-flower-rice-wine");
      productId = product.id;
      path = `/studio/duzuo-rice-wine/products/${productId}`;
    });
    const images = async () => (await db.product.findUniqueOrThrow({ where: { id: productId } })).images;

    it("accepts a real PNG, stores it under a random name and serves it at /uploads", async () => {
      const before = await images();
      const png = pngImage();
      const response = await visitor.post(path, uploadForm(png, "我的照片.png"));
      expect(response.status).toBe(302);
      const after = await images();
      expect(after.slice(0, before.length)).toEqual(before);
      const url = after[after.length - 1];
      expect(url).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/);
      const served = await visitor.get(url);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    });

    it("refuses a text file renamed .png, whatever type the browser claims", async () => {
      const before = await images();
      const response = await visitor.post(path, uploadForm("just some text, not a picture", "photo.png", "image/png"));
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("只能上传 PNG、JPEG 或 WebP 图片");
      expect(await images()).toEqual(before);
    });

    it("refuses an image over 2 MB", async () => {
      const before = await images();
      const big = Buffer.concat([pngImage(), Buffer.alloc(2.5 * 1024 * 1024, 7)]);
      const response = await visitor.post(path, uploadForm(big, "big.png"));
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("图片不能超过 2 MB");
      expect(await images()).toEqual(before);
    });

    it("refuses an image over 2 MB sent without announcing its length, reading no more than it must", async () => {
      const before = await images();
      const boundary = "----cunbo-test-boundary";
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nimage-upload\r\n--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`;
      const parts = [
        Buffer.from(head),
        pngImage(),
        ...Array.from({ length: 10 }, () => Buffer.alloc(256 * 1024, 9)),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ];
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(new Uint8Array(part));
          controller.close();
        },
      });
      const response = await visitor.request(path, {
        method: "POST",
        body,
        headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Origin: baseUrl },
        duplex: "half",
      } as RequestInit);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("图片不能超过 2 MB");
      expect(await images()).toEqual(before);
    });

    it("moves a photo to the front and removes one, deleting its file", async () => {
      await visitor.post(path, uploadForm(pngImage(4, [21, 128, 61]), "green.png"));
      const before = await images();
      const newest = before[before.length - 1];
      expect((await visitor.post(path, { intent: "image-move-up", image: newest })).status).toBe(302);
      const moved = await images();
      expect(moved.indexOf(newest)).toBe(before.length - 2);

      expect((await visitor.post(path, { intent: "image-remove", image: newest })).status).toBe(302);
      expect(await images()).not.toContain(newest);
      expect((await visitor.get(newest)).status).toBe(404);
    });
  });

  describe("pre-order batches", () => {
    it("refuses a capacity below what is already reserved, and accepts one that covers it", async () => {
      const batch = await db.batch.findFirstOrThrow({ where: { product: { slug: "duzuo-new-vat-rice-wine-2027" } } });
      // Reservations are made by checkout; here the batch already holds 150.
      await db.batch.update({ where: { id: batch.id }, data: { reserved: 150 } });
      const fields = {
        intent: "update",
        batchId: batch.id,
        nameZh: batch.nameZh,
        nameEn: batch.nameEn,
        readyDate: "2027-03-01",
        status: "open",
      };

      const refused = await visitor.post("/studio/duzuo-rice-wine/batches", { ...fields, capacity: "100" });
      expect(refused.status).toBe(400);
      const html = await refused.text();
      expect(html).toContain("容量不能少于已预订的数量");
      const capacity = html.match(new RegExp(`<input[^>]*id="batch-${batch.id}-capacity"[^>]*>`))?.[0] ?? "";
      expect(capacity).toContain('aria-invalid="true"');
      expect(capacity).toContain('value="100"');
      expect((await db.batch.findUniqueOrThrow({ where: { id: batch.id } })).capacity).toBe(batch.capacity);

      const accepted = await visitor.post("/studio/duzuo-rice-wine/batches", { ...fields, capacity: "150" });
      expect(accepted.status).toBe(302);
      const saved = await db.batch.findUniqueOrThrow({ where: { id: batch.id } });
      expect(saved.capacity).toBe(150);
      // The ready date is a day in China (UTC+8).
      expect(saved.readyDate.toISOString()).toBe("2027-02-28T16:00:00.000Z");
    });

    it("opens a new batch for one of the workshop's pre-order products only", async () => {
      const product = await productBySlug("duzuo-new-vat-rice-wine-2027");
      const fields = {
        intent: "create",
        nameZh: "第5缸 糯米酒",
        nameEn: "",
        readyDate: "2027-04-15",
        capacity: "180",
        status: "open",
      };
      const created = await visitor.post("/studio/duzuo-rice-wine/batches", { ...fields, productId: product.id });
      expect(created.status).toBe(302);
      const batch = await db.batch.findFirstOrThrow({ where: { nameZh: "第5缸 糯米酒" } });
      expect([batch.productId, batch.capacity, batch.nameEn, batch.reserved]).toEqual([
        product.id,
        180,
        "第5缸 糯米酒",
        0,
      ]);

      const umbrella = await productBySlug("nanyang-folding-umbrella");
      const refused = await visitor.post("/studio/duzuo-rice-wine/batches", {
        ...fields,
        nameZh: "偷来的批次",
        productId: umbrella.id,
      });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("请选择本工坊的一件预售商品");
      expect(await db.batch.count({ where: { nameZh: "偷来的批次" } })).toBe(0);
    });
  });
});
