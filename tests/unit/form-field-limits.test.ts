import { INTENT, serializeIntent, type Intent } from "@conform-to/dom";
import { describe, expect, it } from "vitest";
import { fieldsWithinLimits, MAX_FIELD_INDEX, MAX_FIELDS } from "~/lib/form-field-limits";

const within = (fields: Record<string, string> | [string, string][]) =>
  fieldsWithinLimits(Array.isArray(fields) ? fields : Object.entries(fields));

describe("form field limits", () => {
  it("let through the names Cunbo's forms use, lists to their longest", () => {
    expect(
      within({
        intent: "save",
        "variants[29].nameZh": "5斤装",
        "attributes[19].labelEn": "Net weight",
        "tracking-cmx4haord004ztj7d4q6lxylw": "SF123",
        "note-cmx4haord004ztj7d4q6lxylw": "写上“福”",
        redirectTo: "/studio",
        "productIds[]": "a",
      }),
    ).toBe(true);
  });

  it("let through the intents conform's list buttons send without JavaScript", () => {
    // Typed loosely: conform types an insert's defaultValue by the form's own shape.
    const intents = [
      { type: "insert", payload: { name: "variants", defaultValue: { stock: 0, weightGrams: 0 } } },
      { type: "remove", payload: { name: "attributes", index: 3 } },
      { type: "reorder", payload: { name: "variants", from: 0, to: 2 } },
      { type: "validate", payload: { name: "titleZh" } },
      { type: "reset", payload: {} },
    ] as unknown as Intent[];
    for (const intent of intents) expect(within({ [INTENT]: serializeIntent(intent) })).toBe(true);
  });

  it("refuse an array index past the largest list, the name that exhausted the heap", () => {
    expect(within({ "email[999999999]": "a", password: "x" })).toBe(false);
    expect(within({ [`variants[${MAX_FIELD_INDEX + 1}].nameZh`]: "a" })).toBe(false);
    expect(within({ [`variants[${MAX_FIELD_INDEX}].nameZh`]: "a" })).toBe(true);
    expect(within({ [INTENT]: serializeIntent({ type: "remove", payload: { name: "variants", index: 1e9 } }) })).toBe(
      false,
    );
    expect(within({ [INTENT]: serializeIntent({ type: "update", payload: { name: "email[999999999]" } }) })).toBe(
      false,
    );
  });

  it("refuse names conform cannot parse or that reach an object's prototype", () => {
    for (const name of ["a]", "[0]", "a..b", "x[-1]", "a[].b", "", "__proto__.x", "a.constructor", "n".repeat(201)])
      expect(within({ [name]: "1" }), name).toBe(false);
  });

  it("refuse a NUL in a name or a value, and a broken intent or state", () => {
    expect(within({ "a\0": "1" })).toBe(false);
    expect(within({ q: "a\0b" })).toBe(false);
    expect(within({ [INTENT]: "{not json" })).toBe(false);
    expect(within({ [INTENT]: '{"type":"explode","payload":{}}' })).toBe(false);
    expect(within({ __state__: "{" })).toBe(false);
  });

  it("refuse more fields than the largest form has", () => {
    const many = Array.from({ length: MAX_FIELDS + 1 }, (_, i): [string, string] => [`f${i}`, "1"]);
    expect(within(many)).toBe(false);
    expect(within(many.slice(1))).toBe(true);
  });
});
