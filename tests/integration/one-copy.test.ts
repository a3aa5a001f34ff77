// One of each process-wide object and error class, even where two copies of the app's modules are loaded: the
// server's build and a test's own imports from source (a serving process loads only the build).
import { describe, expect, it } from "vitest";
import { DomainError, SoldOut } from "~/domain/errors.server";
import { installedPublisher, installPublisher, type Publisher } from "~/lib/events.server";
import { loadAppBuild } from "../../server/app-build.ts";

describe("one copy of every process-wide object", () => {
  it("the build and a second copy of the app share the error classes and the installed publisher", async () => {
    const { api } = await loadAppBuild();
    expect(api.DomainError).toBe(DomainError);
    expect(new SoldOut()).toBeInstanceOf(api.DomainError);
    expect(api.refusalOf(new SoldOut())).toEqual({ key: "checkout:error.soldOut", values: {} });

    const before = installedPublisher();
    const publisher: Publisher = { publish() {} };
    try {
      installPublisher(publisher);
      expect(api.installedPublisher()).toBe(publisher);
    } finally {
      installPublisher(before);
    }
  });
});
