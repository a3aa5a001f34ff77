// The queue's filters as a query string, so tabs, pages, exports and prints all keep the same selection.
type Filters = { status: string; show?: string; product?: string; batch?: string; page: number };

export function queueQuery(
  filters: Filters,
  changes: Partial<Filters> = {},
  extra: Record<string, string> = {},
): string {
  const next = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (next.status && next.status !== "open") params.set("status", next.status);
  if (next.show) params.set("show", next.show);
  if (next.product) params.set("product", next.product);
  if (next.batch) params.set("batch", next.batch);
  if (next.page && next.page > 1) params.set("page", String(next.page));
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
