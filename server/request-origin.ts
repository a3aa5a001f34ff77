// Whether a state-changing request came from one of Cunbo's own pages (the CSRF check for every endpoint on the
// port: Remix actions, the buy-now endpoint, log-out), judged from the headers only a browser can set.
import type { IncomingHttpHeaders } from "node:http";

/** Why a request is refused: a page of another origin sent it, or the browser hid where it came from. */
export type CrossSiteReason = "foreign" | "hidden";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.split(",")[0].trim() || undefined;
}

/**
 * The origin the browser addressed: the public URL's when one is configured (behind a proxy, the Host and scheme
 * that reach this process are the proxy's), else the Host this request came to, over plain HTTP unless a proxy in
 * front said it was HTTPS. A page cannot set Host or X-Forwarded-Proto on a request it makes a browser send.
 */
function expectedOrigin(headers: IncomingHttpHeaders, publicUrl: string | undefined): string | null {
  if (publicUrl) return new URL(publicUrl).origin;
  if (!headers.host) return null;
  const scheme = first(headers["x-forwarded-proto"]) === "https" ? "https" : "http";
  const plain = `${scheme}://${headers.host}`;
  // Browsers send Host and Origin alike (lower case, no default port): skip parsing in a flash sale's crowd.
  if (plain === headers.origin) return plain;
  try {
    return new URL(plain).origin;
  } catch {
    return null;
  }
}

/**
 * Null when the request may go ahead. Scheme, host and port must all match: a page on another port of the same
 * host is "same-site" to the browser, which sends it our SameSite=Lax cookies, so it is refused like any other
 * site. `Origin: null` (a page with Referrer-Policy: no-referrer, a sandboxed frame, a redirect across origins)
 * passes only when the browser vouches with `Sec-Fetch-Site: same-origin`, which no page can forge. A request with
 * neither header comes from no browser (or one old enough to send no Origin on a same-origin post) and carries no
 * visitor's cookies that a page chose for it, so it goes ahead.
 */
export function crossSiteReason(
  method: string | undefined,
  headers: IncomingHttpHeaders,
  publicUrl?: string,
): CrossSiteReason | null {
  if (SAFE_METHODS.has(method ?? "GET")) return null;
  const fetchSite = first(headers["sec-fetch-site"]);
  if (fetchSite === "cross-site" || fetchSite === "same-site") return "foreign";
  const origin = headers.origin?.trim();
  if (!origin) return null;
  if (origin === "null") return fetchSite === "same-origin" ? null : "hidden";
  return origin === expectedOrigin(headers, publicUrl) ? null : "foreign";
}
