import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { Visitor } from "../helpers/http";
import { startTestServer } from "../helpers/server";
import { catalogueSnapshot, pngImage, productBySlug, productFields, uploadForm } from "../helpers/studio-forms";

let baseUrl: string;
let duzuo: Awaited<ReturnType<typeof productBySlug>>;
let nanyang: Awaited<ReturnType<typeof productBySlug>>;

beforeAll(async () => {
  baseUrl = (await startTestServer()).url;
  duzuo = await productBySlug("duzuo-glutinous-rice-wine");
  nanyang = await productBySlug("nanyang-folding-umbrella");
});

const staff = (email = "staff.duzuo@cunbo.test") => new Visitor(baseUrl).logIn(email);

describe("studio permissions", () => {
  it("staff edit their own workshop's product", async () => {
    const visitor = await staff();
    const page = await visitor.get(`/studio/duzuo-rice-wine/products/${duzuo.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("钟埭老法糯米酒");

    const response = await visitor.post(`/studio/duzuo-rice-wine/products/${duzuo.id}`, {
      ...productFields(duzuo),
      "variants[0].price": "30.50",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/studio/duzuo-rice-wine/products/${duzuo.id}?saved=product`);
    const variant = await db.variant.findUniqueOrThrow({ where: { id: duzuo.variants[0].id } });
    expect(variant.priceFen).toBe(3050);
  });

  it("staff get 403 for another workshop's studio, on every page and every post, and nothing changes", async () => {
    const visitor = await staff();
    const before = await catalogueSnapshot("nanyang-umbrella");
    const base = "/studio/nanyang-umbrella";
    for (const path of [base, `${base}/products/new`, `${base}/products/${nanyang.id}`, `${base}/batches`]) {
      expect((await visitor.get(path)).status, path).toBe(403);
    }
    const posts: [string, Record<string, string> | FormData][] = [
      [`${base}/products/${nanyang.id}`, { ...productFields(nanyang), "variants[0].price": "0.01" }],
      [`${base}/products/${nanyang.id}`, { intent: "image-remove", image: nanyang.images[0] }],
      [`${base}/products/${nanyang.id}`, uploadForm(pngImage(), "photo.png")],
      [`${base}/products/new`, { ...productFields(nanyang), "variants[0].sku": "NEW-SKU-1", "variants[0].id": "" }],
      [
        `${base}/batches`,
        {
          intent: "create",
          productId: nanyang.id,
          nameZh: "x",
          readyDate: "2027-01-01",
          capacity: "5",
          status: "open",
        },
      ],
    ];
    for (const [path, fields] of posts) {
      expect((await visitor.post(path, fields)).status, path).toBe(403);
    }
    expect(await catalogueSnapshot("nanyang-umbrella")).toBe(before);
  });

  it("a product of another workshop is not found under one's own workshop, read or written", async () => {
    const visitor = await staff();
    const before = await catalogueSnapshot("nanyang-umbrella");
    const path = `/studio/duzuo-rice-wine/products/${nanyang.id}`;
    expect((await visitor.get(path)).status).toBe(404);
    const attempts: (Record<string, string> | FormData)[] = [
      { ...productFields(nanyang), "variants[0].price": "0.01" },
      // A malformed save must not reveal the product exists (a 400 would).
      { ...productFields(nanyang), "variants[0].price": "free" },
      { intent: "image-move-down", image: nanyang.images[0] },
      { intent: "image-remove", image: nanyang.images[0] },
      uploadForm(pngImage(), "photo.png"),
    ];
    for (const fields of attempts) {
      expect((await visitor.post(path, fields)).status).toBe(404);
    }
    expect(await catalogueSnapshot("nanyang-umbrella")).toBe(before);
  });

  it("a variant of another workshop's product cannot be slipped into one's own product", async () => {
    const visitor = await staff();
    const before = await catalogueSnapshot("nanyang-umbrella");
    const response = await visitor.post(`/studio/duzuo-rice-wine/products/${duzuo.id}`, {
      ...productFields(duzuo),
      "variants[0].id": nanyang.variants[0].id,
      "variants[0].price": "0.01",
    });
    expect(response.status).toBe(404);
    expect(await catalogueSnapshot("nanyang-umbrella")).toBe(before);
  });

  it("a shopper gets 403 in the studio", async () => {
    const visitor = await new Visitor(baseUrl).logIn("shopper@cunbo.test");
    const before = await catalogueSnapshot("duzuo-rice-wine");
    expect((await visitor.get("/studio")).status).toBe(403);
    expect((await visitor.get("/studio/duzuo-rice-wine")).status).toBe(403);
    expect((await visitor.get(`/studio/duzuo-rice-wine/products/${duzuo.id}`)).status).toBe(403);
    const saved = await visitor.post(`/studio/duzuo-rice-wine/products/${duzuo.id}`, {
      ...productFields(duzuo),
      "variants[0].price": "0.01",
    });
    expect(saved.status).toBe(403);
    expect(await catalogueSnapshot("duzuo-rice-wine")).toBe(before);
  });

  it("a guest is sent to log in and brought back to the page they wanted", async () => {
    const guest = new Visitor(baseUrl);
    const path = `/studio/duzuo-rice-wine/products/${duzuo.id}`;
    const before = await catalogueSnapshot("duzuo-rice-wine");
    for (const response of [
      await guest.get(path),
      await guest.post(path, { ...productFields(duzuo), "variants[0].price": "0.01" }),
    ]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`);
    }
    expect((await guest.get("/studio")).headers.get("location")).toBe("/login?redirectTo=%2Fstudio");
    expect(await catalogueSnapshot("duzuo-rice-wine")).toBe(before);
  });

  it("staff of two workshops choose between them; staff of one go straight to it; an admin may manage any", async () => {
    const two = await staff("staff.tea@cunbo.test");
    const chooser = await two.get("/studio");
    expect(chooser.status).toBe(200);
    const html = await chooser.text();
    expect(html).toContain("/studio/tea-fairy-jingshan");
    expect(html).toContain("/studio/osprey-team-dinghe");
    expect(html).not.toContain("/studio/duzuo-rice-wine");

    const one = await staff();
    expect((await one.get("/studio")).headers.get("location")).toBe("/studio/duzuo-rice-wine");

    const admin = await staff("admin@cunbo.test");
    expect((await admin.get("/studio/nanyang-umbrella")).status).toBe(200);
    expect((await admin.get(`/studio/nanyang-umbrella/products/${nanyang.id}`)).status).toBe(200);
  });
});
