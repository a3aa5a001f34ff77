import { describe, expect, it } from "vitest";
import { createTranslator, interpolate } from "~/lib/i18n";
import { translator } from "~/lib/locale.server";
import { resources } from "~/locales/index.server";

const bundles = {
  common: { "nav.home": "首页", greet: "你好，{{name}}" },
  live: { "card.stock": "库存 {{count}}", "nav.home": "直播首页" },
  store: { "cart.items_one": "{{count}} item", "cart.items_other": "{{count}} items", "cart.items_zero": "Empty" },
};

describe("the translator", () => {
  it("looks in the given namespaces in order, 'common' when none is given, and in the one a key names", () => {
    expect(createTranslator("zh-CN", bundles)("nav.home")).toBe("首页");
    expect(createTranslator("zh-CN", bundles, "live")("nav.home")).toBe("直播首页");
    expect(createTranslator("zh-CN", bundles, ["store", "live"])("card.stock", { count: 3 })).toBe("库存 3");
    expect(createTranslator("zh-CN", bundles, "live")("common:nav.home")).toBe("首页");
  });

  it("gives a missing key back as the key, and leaves a sentence with a colon alone", () => {
    const t = createTranslator("zh-CN", bundles, "live");
    expect(t("card.nothing")).toBe("card.nothing");
    expect(t("live:card.nothing")).toBe("card.nothing");
    expect(t("Stripe: card declined")).toBe("Stripe: card declined");
  });

  it("puts values in as they are, keeps a variable it was not given, and reads nothing into a value", () => {
    expect(interpolate("{{a}} & {{ b }} {{c}}", { a: "<b>", b: 0 })).toBe("<b> & 0 {{c}}");
    expect(interpolate("{{a}}", { a: "{{b}}", b: "x" })).toBe("{{b}}");
    expect(interpolate("{{a}}", { a: null })).toBe("");
  });

  it("picks a plural form by count when the namespace has one, else the key itself", () => {
    const t = createTranslator("en", bundles, "store");
    expect(t("cart.items", { count: 1 })).toBe("1 item");
    expect(t("cart.items", { count: 2 })).toBe("2 items");
    expect(t("cart.items", { count: 0 })).toBe("Empty");
    expect(createTranslator("en", bundles, "live")("card.stock", { count: 1 })).toBe("库存 1");
  });

  it("is the server's translator too, over every namespace of the language", () => {
    expect(translator("en")("common:title.page", { page: "Cart" })).toBe(
      interpolate(resources.en.common["title.page"], { page: "Cart" }),
    );
    expect(translator("zh-CN")("fulfil:slip.title")).toBe(resources["zh-CN"].fulfil["slip.title"]);
  });
});
