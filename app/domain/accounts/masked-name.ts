// A person's name as others see it where they stay anonymous (a lucky bag's winners, an anonymous review).

/** 李** / a***: enough for its owner to recognise, not enough to name them to a room. */
export function maskedName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "*";
  return `${chars[0]}${"*".repeat(Math.min(Math.max(chars.length - 1, 1), 4))}`;
}
