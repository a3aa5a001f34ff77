// Which translations a page needs: "common" and the namespaces each route matched by its URL lists in its
// `handle.i18n`, read from the routes of the build that runs (the one Remix itself matches against).
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import * as build from "@remix-run/dev/server-build";
import type { ServerBuild } from "@remix-run/node";

export type TranslatedHandle = { i18n?: readonly string[] };

type RouteObject = AgnosticRouteObject & { namespaces: readonly string[]; children?: RouteObject[] };

function routeTree(routes: ServerBuild["routes"], parentId?: string): RouteObject[] {
  return Object.values(routes)
    .filter((route) => route.parentId === parentId)
    .map((route) => ({
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      namespaces: (route.module.handle as TranslatedHandle | undefined)?.i18n ?? [],
      children: route.index ? undefined : routeTree(routes, route.id),
    })) as RouteObject[];
}

// Per build, not per process: a reloaded build brings its own routes.
let routes: RouteObject[] | undefined;
const tree = () => (routes ??= routeTree(build.routes));

/** "common" first, then the namespaces of the routes a path matches, each once. */
export function namespacesForPath(pathname: string): string[] {
  const matches = matchRoutes(tree(), pathname) ?? [];
  return [...new Set(["common", ...matches.flatMap((match) => (match.route as RouteObject).namespaces)])];
}
