// The tabs of 我的订单, in order. Client-safe: the page draws its tabs from it and the server checks `?status=`
// against it; my-orders.server.ts says which orders each one shows.
export const ORDER_FILTERS = ["all", "to_pay", "to_ship", "shipped", "after_sales"] as const;

export type OrderFilter = (typeof ORDER_FILTERS)[number];

export function isOrderFilter(value: unknown): value is OrderFilter {
  return typeof value === "string" && (ORDER_FILTERS as readonly string[]).includes(value);
}
