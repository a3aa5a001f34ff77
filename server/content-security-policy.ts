// The Content-Security-Policy every response carries: scripts only with this response's nonce (handed to Remix
// through the load context), no framing by other sites, and the outside hosts a show's stream and payment need.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import type { HelmetOptions } from "helmet";

type Directives = NonNullable<NonNullable<Exclude<HelmetOptions["contentSecurityPolicy"], boolean>>["directives"]>;

/** Gives each response its own nonce, before helmet writes it into the policy. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

const nonce = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as Response).locals.cspNonce}'`;

export type PolicyOptions = {
  /** Where checkout redirects a submitted form to pay (Stripe's hosted page, or a stand-in of it). */
  paymentOrigins: string[];
  /** The site is served over HTTPS, so stray http:// subresources are upgraded. */
  https: boolean;
};

export function contentSecurityPolicy({ paymentOrigins, https }: PolicyOptions): Directives {
  // A host may play a show from any HLS address or embed any player page (app/domain/live/playback.ts), so media,
  // hls.js's playlist and segment requests, and embeds may come from any http(s) host.
  const streamHosts = ["https:", "http:"];
  return {
    "default-src": ["'self'"],
    // 'strict-dynamic' lets Remix's nonced module scripts load the route chunks and hls.js they import;
    // 'self' is the fallback for browsers that predate it.
    "script-src": ["'self'", nonce, "'strict-dynamic'"],
    "script-src-attr": ["'none'"],
    // React writes style attributes (progress bars, chart sizes).
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    // socket.io's polling and WebSocket are on this origin ('self' covers ws:/wss: to it).
    "connect-src": ["'self'", ...streamHosts],
    "media-src": ["'self'", "blob:", ...streamHosts],
    "worker-src": ["'self'", "blob:"],
    // The checkout sheet frames our own pages; embed sources frame a player page.
    "frame-src": ["'self'", ...streamHosts],
    "frame-ancestors": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    // Browsers apply form-action to the redirect after a post too: checkout's redirect to the payment page.
    "form-action": ["'self'", ...paymentOrigins],
    ...(https ? { "upgrade-insecure-requests": [] } : {}),
  };
}
