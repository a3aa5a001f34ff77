// How much JavaScript a phone downloads for a page, gzipped: the Remix entry plus the matched routes'
// modules and their shared chunks, read from the build's asset manifest. The baseline is the entry alone
// (React + Remix runtime), the floor every page pays. Usage: npx tsx tests/bench/js-size.ts [routeId ...]
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

type Manifest = {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
};

const PAGES: Record<string, string[]> = {
  "home /": ["root", "routes/_index"],
  "product /products/:slug": ["root", "routes/products.$slug"],
  "live room /live/:showId": ["root", "routes/live.$showId"],
};

function gzippedBytes(files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(path.join("public", file)), { level: 9 }).length;
  return total;
}

export async function measureJs(): Promise<void> {
  const build = await import(pathToFileURL(path.resolve("build/index.js")).href);
  const assets = build.assets as Manifest;
  const entryFiles = [assets.entry.module, ...(assets.entry.imports ?? [])];
  const baseline = gzippedBytes(new Set(entryFiles));
  console.log(`JS per page (gzipped); baseline = Remix entry alone: ${(baseline / 1024).toFixed(1)} KB`);
  for (const [page, routeIds] of Object.entries(PAGES)) {
    if (!routeIds.every((id) => assets.routes[id])) continue;
    const files = new Set(entryFiles);
    for (const id of routeIds) {
      const route = assets.routes[id];
      files.add(route.module);
      for (const file of route.imports ?? []) files.add(file);
    }
    const bytes = gzippedBytes(files);
    console.log(
      `  ${page.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(6)} KB  (${(bytes / baseline).toFixed(2)}× baseline)`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await measureJs();
