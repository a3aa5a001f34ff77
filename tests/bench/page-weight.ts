// How much JavaScript a phone downloads for a page, gzipped as the server sends it: Remix's entry, the root and the
// route with every chunk they import (from the build's asset manifest). hls.js is counted apart: it is fetched
// only for an HLS source in a browser without native HLS.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

type Manifest = {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
};

const PUBLIC = path.resolve("public");

function manifest(): Manifest {
  const dir = path.join(PUBLIC, "build");
  const file = readdirSync(dir).find((name) => name.startsWith("manifest-"));
  if (!file) throw new Error("No build manifest: run `npx remix build` first.");
  const text = readFileSync(path.join(dir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

const gzipped = (publicPath: string) => gzipSync(readFileSync(path.join(PUBLIC, publicPath))).length;

/** Gzipped bytes of the JavaScript the given routes load (entry and root always). */
export function routeWeight(routeIds: string[]): { bytes: number; files: number } {
  const m = manifest();
  const files = new Set<string>([m.entry.module, ...(m.entry.imports ?? [])]);
  for (const id of ["root", ...routeIds]) {
    const route = m.routes[id];
    if (!route) throw new Error(`No route ${id} in the build`);
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  let bytes = 0;
  for (const file of files) bytes += gzipped(file);
  return { bytes, files: files.size };
}

export function onDemandWeight(prefix: string): number {
  const dir = path.join(PUBLIC, "build", "_shared");
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .reduce((sum, name) => sum + gzipped(`/build/_shared/${name}`), 0);
}
