// Whether the page's JavaScript runs: forms then answer as data (a fetcher) instead of reloading the page.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
