// Small response helpers shared by routes.
export function invariantResponse(
  value: unknown,
  message: string,
  init: ResponseInit = { status: 404 },
): asserts value {
  if (!value) throw new Response(message, init);
}
