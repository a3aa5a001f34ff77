// Whether the page's JavaScript runs: forms then answer as data (a fetcher) instead of reloading the page.
import { useEffect, useState } from "react";

export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
