// Loads the app as the process runs it: the Remix build, and the server-facing API its entry exports. server/
// reaches the app only through here, never from source, so the process holds one copy of every app module (a
// second copy would mean a second pool gate, a second sold-out memo and error classes that fail `instanceof`).
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { ServerApi } from "../app/web/server-api.server.ts";

export type { ServerApi };
export type AppBuild = { build: ServerBuild; api: ServerApi };

/** The build in `buildDir` (`build/` by default); importing it again gives the same modules, never a copy. */
export async function loadAppBuild(buildDir = "build"): Promise<AppBuild> {
  const build = (await import(pathToFileURL(path.resolve(buildDir, "index.js")).href)) as ServerBuild;
  const api = (build.entry.module as { serverApi?: ServerApi }).serverApi;
  if (!api) throw new Error(`${buildDir}/index.js has no server API: build the app again (npx remix build).`);
  return { build, api };
}
