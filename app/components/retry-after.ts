// The sentence telling someone refused for too many attempts when they may try again.
import type { TFunction } from "~/lib/i18n";

export function retryAfterText(t: TFunction, seconds: number): string {
  return seconds >= 120
    ? t("account:tooMany.minutes", { count: Math.ceil(seconds / 60) })
    : t("account:tooMany.seconds", { count: seconds });
}
