// Which translation namespaces a route's code can ask for: every `useTranslation("ns")` and every "ns:key" string
// in the route module and the app modules it imports (transitively), read from the source. Used to check that
// each route's `handle.i18n` lists what it needs.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const APP = path.resolve("app");
export const NAMESPACES = [
  "common",
  "account",
  "store",
  "studio",
  "admin",
  "live",
  "checkout",
  "fulfil",
  "dashboard",
  "aftersales",
  "notices",
  "luckybag",
  "reviews",
  "promotions",
  "payouts",
];
const KEY = new RegExp(`["'\`](${NAMESPACES.join("|")}):`, "g");
const HOOK = /useTranslation\(\s*(\[[^\]]*\]|["'][a-z]+["'])?/g;
// Type-only imports bring no text to a page.
const IMPORT = /(?:import|export)\s(?!type\s)[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(APP, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ])
    if (existsSync(candidate) && !candidate.endsWith("/")) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        // a folder
      }
    }
  return null;
}

/**
 * The namespaces the module at `file` may show: those of every browser module it imports (transitively), and of the
 * server modules it imports directly and what those import directly (the keys its loader and action hand over; of
 * the request glue in app/web only its own),
 * locale files excepted. Keys deeper in the domain reach a page only through those.
 */
export function namespacesUsedBy(file: string): Set<string> {
  const seen = new Set<string>();
  const used = new Set<string>();
  const walk = (current: string, serverHops = 0) => {
    if (seen.has(current) || current.includes(`${path.sep}locales${path.sep}`)) return;
    // Request glue (app/web) counts for its own keys; what it calls in the domain is not this page's.
    const glue = current.startsWith(path.join(APP, "web")) && current.includes(".server.");
    const hops = glue ? 2 : serverHops + (current.includes(".server.") ? 1 : 0);
    if (hops > 2) return;
    seen.add(current);
    const text = readFileSync(current, "utf8");
    for (const match of text.matchAll(KEY)) used.add(match[1]);
    for (const match of text.matchAll(HOOK)) {
      const arg = match[1];
      if (!arg) used.add("common");
      else for (const ns of arg.matchAll(/["']([a-z]+)["']/g)) used.add(ns[1]);
    }
    for (const match of text.matchAll(IMPORT)) {
      const target = resolve(current, match[1] ?? match[2]);
      if (target) walk(target, hops);
    }
  };
  walk(file);
  return used;
}

/** The namespaces a route file declares in `handle = { i18n: [...] }`. */
export function declaredNamespaces(file: string): string[] | null {
  const match = /i18n:\s*\[([^\]]*)\]/.exec(readFileSync(file, "utf8"));
  return match ? [...match[1].matchAll(/["']([a-z]+)["']/g)].map((m) => m[1]) : null;
}

/** The route modules that render a page (a default export), not resource routes. */
export function routeFiles(): string[] {
  return readdirSync(path.join(APP, "routes"))
    .filter(
      (name) => /\.tsx?$/.test(name) && readFileSync(path.join(APP, "routes", name), "utf8").includes("export default"),
    )
    .map((name) => path.join(APP, "routes", name));
}
