// The site's public origin for absolute links (QR codes, calendar files, link previews): PUBLIC_URL, else the
// request's own.
import { env } from "~/lib/env.server";

export function siteOrigin(request: Request): string {
  return (env().PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}
