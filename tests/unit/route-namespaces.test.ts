// Each page sends only the translations its routes list in `handle.i18n` (app/root.tsx), so each list must hold
// every namespace the route's code can show, read from its source and what it imports.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { declaredNamespaces, namespacesUsedBy, routeFiles } from "../helpers/route-namespaces";

describe("per-route translations", () => {
  const pages = routeFiles().filter((file) => namespacesUsedBy(file).size > 0);

  it.each(pages.map((file) => [path.basename(file), file]))("%s lists every namespace it shows", (_name, file) => {
    const used = [...namespacesUsedBy(file)].filter((ns) => ns !== "common");
    const declared = declaredNamespaces(file) ?? [];
    const nested = path.basename(file).split(".").slice(0, -2);
    // A nested route also gets what its parent routes list.
    const inherited = nested.flatMap((_, i) => {
      const parent = path.join(path.dirname(file), `${nested.slice(0, i + 1).join(".")}.tsx`);
      return routeFiles().includes(parent) ? (declaredNamespaces(parent) ?? []) : [];
    });
    expect(used.filter((ns) => !declared.includes(ns) && !inherited.includes(ns))).toEqual([]);
  });

  it("the root (site header, error boundary) shows only the always-sent common namespace", () => {
    expect([...namespacesUsedBy(path.resolve("app/root.tsx"))]).toEqual(["common"]);
  });

  it("the source reader finds a namespace through an imported component", () => {
    expect(namespacesUsedBy(path.resolve("app/routes/live.$showId.tsx"))).toContain("live");
    expect(namespacesUsedBy(path.resolve("app/routes/_index.tsx"))).not.toContain("studio");
  });
});
