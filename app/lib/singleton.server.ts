// The one place the process keeps its process-wide objects (the Prisma client, the installed publisher and job
// queue, gates, memos, timers, rate limiters, the domain's error classes): one of each per process, by name.
//
// The serving process loads the app once, from the Remix build, but other processes hold a second copy of the
// same modules: a test runs domain functions from source beside the server's build, and the dev server reloads
// the build. A module-level `new Gate()` would then exist twice (twice the pool limit) and an error made by one
// copy would fail the other's `instanceof`. Kept on globalThis, under a name, each exists once whatever loads it.

declare global {
  var __cunboSingletons: Map<string, unknown> | undefined;
}

/** The process's one `name`, made by `make` the first time any copy of any module asks for it. */
export function singleton<T>(name: string, make: () => T): T {
  const store = (globalThis.__cunboSingletons ??= new Map<string, unknown>());
  if (!store.has(name)) store.set(name, make());
  return store.get(name) as T;
}

/** The process's `name` if something has made it already, without making one (to close what exists). */
export function existingSingleton<T>(name: string): T | undefined {
  return globalThis.__cunboSingletons?.get(name) as T | undefined;
}

/** Forgets `name`, so the next `singleton(name, …)` makes a new one (after closing a pool, say). */
export function dropSingleton(name: string): void {
  globalThis.__cunboSingletons?.delete(name);
}
