import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidFields } from "~/domain/errors.server";
import {
  PRODUCT_PHOTO,
  SHOW_COVER,
  checkImage,
  deleteStoredImage,
  detectImageType,
  storeImage,
} from "~/web/uploaded-image.server";
import { pngImage } from "../helpers/studio-forms";

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const webp = new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ");

function refusal(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidFields) return error.fields;
    throw error;
  }
  throw new Error("not refused");
}

describe("an uploaded image", () => {
  it("is recognised by its first bytes as PNG, JPEG or WebP, and anything else is none of them", () => {
    expect(detectImageType(new Uint8Array(pngImage()))).toBe("png");
    expect(detectImageType(jpeg)).toBe("jpg");
    expect(detectImageType(webp)).toBe("webp");
    expect(detectImageType(new TextEncoder().encode("just some text"))).toBeNull();
    expect(detectImageType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });

  it("is refused past its use's size limit, with that use's message beside that use's field", () => {
    const between = new Uint8Array(2.5 * 1024 * 1024);
    between.set(jpeg);
    expect(refusal(() => checkImage(between, PRODUCT_PHOTO))).toEqual({ image: ["studio:image.error.tooLarge"] });
    expect(checkImage(between, SHOW_COVER)).toBe("jpg");
    const huge = new Uint8Array(3 * 1024 * 1024 + 1);
    huge.set(jpeg);
    expect(refusal(() => checkImage(huge, SHOW_COVER))).toEqual({ cover: ["live:form.error.cover"] });
  });

  it("is refused when empty or not an accepted type", () => {
    expect(refusal(() => checkImage(new Uint8Array(), PRODUCT_PHOTO))).toEqual({ image: ["studio:image.error.empty"] });
    const text = new TextEncoder().encode("not a picture");
    expect(refusal(() => checkImage(text, PRODUCT_PHOTO))).toEqual({ image: ["studio:image.error.type"] });
    expect(refusal(() => checkImage(text, SHOW_COVER))).toEqual({ cover: ["live:form.error.cover"] });
  });

  it("is stored under a random name served at /uploads, and deleted by that URL", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cunbo-uploaded-image-"));
    const png = pngImage();
    const url = await storeImage(dir, new Uint8Array(png), SHOW_COVER);
    expect(url).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/);
    expect((await readFile(path.join(dir, url.slice("/uploads/".length)))).equals(png)).toBe(true);
    expect(await storeImage(dir, new Uint8Array(png), PRODUCT_PHOTO)).not.toBe(url);

    await deleteStoredImage(dir, url);
    expect(await readdir(dir)).toHaveLength(1);
    await deleteStoredImage(dir, url);
  });

  it("deletes nothing outside the uploads it stored: seeded drawings and other paths are left alone", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cunbo-uploaded-image-"));
    await storeImage(dir, jpeg, PRODUCT_PHOTO);
    for (const url of ["/products/duzuo-rice-wine.svg", "/uploads/../secret.png", "/uploads/shows/a.jpg"]) {
      await deleteStoredImage(dir, url);
    }
    expect(await readdir(dir)).toHaveLength(1);
  });
});
