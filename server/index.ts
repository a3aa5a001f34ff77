// The process's HTTP side: Express with the Remix handler, static files and socket.io, all on one port.
// No business rules here.
import { createServer as createHttpServer } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import morgan from "morgan";
import { loadAppBuild, type ServerApi } from "./app-build.ts";
import { buyNowHandler } from "./buy-now.ts";
import { couponClaimHandler, couponClaimOf } from "./coupon-claim.ts";
import { contentSecurityPolicy, cspNonce } from "./content-security-policy.ts";
import { crossSiteReason } from "./request-origin.ts";
import { answerErrorsPlainly } from "./error-answer.ts";
import { attachRealtime, type Realtime } from "./realtime.ts";
import { createMediaEngine } from "./media/engines.ts";
import type { MediaEngine } from "./media/media-engine.ts";
import { endBroadcastsWithShows, mediaEndpoints } from "./media/whip-endpoints.ts";
import { recordBroadcasts } from "./media/recorder.ts";
import { dropUnreadBodies } from "./unread-body.ts";
import { refuseMalformedUrls } from "./url-guard.ts";
import { stripeWebhookHandler } from "./webhooks.ts";

export type ServerOptions = {
  port?: number;
  host?: string;
  buildDir?: string;
  uploadDir?: string;
  logRequests?: boolean;
  publicUrl?: string;
  /** Share live rooms with other processes through this Redis (socket.io Redis Streams adapter). */
  redisUrl?: string;
  /** Reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES unless given). */
  trustedProxies?: number;
  /** The media engine, instead of MEDIA_ENGINE's (tests run both engines in one process). */
  mediaEngine?: "embedded" | "janus";
};

declare module "@remix-run/node" {
  interface AppLoadContext {
    uploadDir?: string;
    /** The client's address: the socket's, or as far back in X-Forwarded-For as the trusted proxies vouch for. */
    clientAddress?: string;
    /** This response's Content-Security-Policy nonce, for every inline script the page renders. */
    cspNonce?: string;
  }
}

/** `app` is the server-facing API of the build this server runs (its pool, its publisher…). */
export type RunningServer = {
  url: string;
  close: () => Promise<void>;
  io: Realtime["io"];
  app: ServerApi;
  media: MediaEngine;
};

/** The options `npm start` and serve.ts take from the app's parsed environment. */
export function serverOptions(settings: ReturnType<ServerApi["env"]>): ServerOptions {
  return {
    port: settings.PORT,
    host: settings.HOST,
    uploadDir: settings.UPLOAD_DIR,
    publicUrl: settings.PUBLIC_URL,
    redisUrl: settings.REDIS_URL,
    logRequests: settings.LOG_REQUESTS === "1",
  };
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const root = process.cwd();
  const { build, api } = await loadAppBuild(options.buildDir);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustedProxies ?? api.env().TRUSTED_PROXIES);
  app.use(compression());
  // The app's own bundles come before helmet: a script or a stylesheet is no document, so the page's security headers
  // (≈1.2 KB, more than many of the chunks themselves) would only slow a phone on a weak network, once per file.
  app.use(
    "/build",
    express.static(path.join(root, "public/build"), {
      immutable: true,
      maxAge: "1y",
      setHeaders: (res) => res.setHeader("X-Content-Type-Options", "nosniff"),
    }),
  );
  // The same for our own images (the seed's SVGs, the favicon): a short policy of their own keeps an SVG opened by
  // itself inert. Uploads keep the full set of headers below.
  app.use(
    express.static(path.join(root, "public"), {
      maxAge: "1h",
      setHeaders: (res) => {
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      },
    }),
  );
  const stripeHost = api.env().STRIPE_API_HOST;
  const directives = contentSecurityPolicy({
    paymentOrigins: ["https://checkout.stripe.com", ...(stripeHost ? [new URL(stripeHost).origin] : [])],
    https: options.publicUrl?.startsWith("https:") ?? false,
  });
  app.use(cspNonce);
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      crossOriginEmbedderPolicy: false,
      // no-referrer (helmet's default) makes browsers send `Origin: null` on our own form posts.
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    }),
  );
  if (options.logRequests) app.use(morgan("tiny"));
  app.use(dropUnreadBodies, refuseMalformedUrls);

  const uploadDir = path.resolve(options.uploadDir ?? ".data/uploads");
  app.use("/uploads", express.static(uploadDir, { maxAge: "1d" }));
  // Replays are played with range requests (express.static answers them); the live HLS playlist must not be cached.
  const recordingsDir = path.resolve(api.env().RECORDINGS_DIR ?? path.join(uploadDir, "recordings"));
  const hlsDir = path.join(recordingsDir, ".hls");
  app.use(api.RECORDINGS_PATH, express.static(recordingsDir, { maxAge: "1d", dotfiles: "ignore", index: false }));
  app.use(
    api.HLS_PATH,
    express.static(hlsDir, {
      index: false,
      setHeaders: (res, file) => res.setHeader("Cache-Control", file.endsWith(".m3u8") ? "no-cache" : "max-age=60"),
    }),
  );

  // Signatures are computed over the exact bytes Stripe sent, so this route reads the raw body.
  app.post("/webhooks/stripe", express.raw({ type: "application/json", limit: "1mb" }), stripeWebhookHandler(api));

  // WHIP and WHEP: SDP offers in, answers out; the media itself flows between the peers and the engine.
  const media = createMediaEngine({ ...api.env(), MEDIA_ENGINE: options.mediaEngine ?? api.env().MEDIA_ENGINE });
  app.use(mediaEndpoints(api, media));
  const recorder =
    api.env().RECORDING === "on"
      ? recordBroadcasts(api, media, {
          dir: recordingsDir,
          hlsDir,
          ffmpeg: api.env().FFMPEG_PATH,
          ffprobe: api.env().FFPROBE_PATH,
        })
      : null;

  // Routes that store uploads write where /uploads serves from; log-in limits count by req.ip (see trust proxy).
  const getLoadContext = (req: express.Request, res: express.Response) => ({
    uploadDir,
    clientAddress: req.ip,
    cspNonce: res.locals.cspNonce as string,
  });
  app.all("*", createRequestHandler({ build, mode: "production", getLoadContext }));
  app.use(answerErrorsPlainly);

  // These two answer ahead of Express: in a flash sale they take thousands of requests in one instant, and each
  // layer in front of them (Express's router, compression, helmet's headers, three static-file lookups) would
  // multiply that work. Measured in tests/bench/flash-sale.ts.
  const buyNow = buyNowHandler(api, { publicUrl: options.publicUrl });
  const claimCoupon = couponClaimHandler(api);
  const httpServer = createHttpServer((req, res) => {
    const refused = crossSiteReason(req.method, req.headers, options.publicUrl);
    if (refused) {
      // The app renders the refusal as a page (layout, language) in place of the request, which never runs.
      req.method = "GET";
      req.url = `${api.CROSS_SITE_REFUSAL_PATH}?${new URLSearchParams({ reason: refused })}`;
      app(req, res);
      return;
    }
    // Fully checked above; Remix's own check compares only the host, and answers `Origin: null` with a 500.
    delete req.headers.origin;
    const couponId = couponClaimOf(api, req);
    if (req.url === api.BUY_NOW_PATH && req.method === "POST") void buyNow(req, res);
    else if (couponId) void claimCoupon(req, res, couponId);
    else if (req.url === "/healthz" && req.method === "GET") {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": 11, "Cache-Control": "no-store" });
      res.end('{"ok":true}');
    } else app(req, res);
  });
  // Longer than a load balancer's idle timeout (often 60 s), so a kept-alive connection is never closed under a
  // request that is already on its way (Node's 5 s default turns bursts into connection resets).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const realtime = await attachRealtime(httpServer, api, {
    publicUrl: options.publicUrl,
    redisUrl: options.redisUrl,
    broadcasting: async (showId) => (await media.roomState(api.showRoom(showId))).publishing,
  });
  endBroadcastsWithShows(api, media);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    // A flash sale's crowd connects at once: a deep accept queue (the kernel caps it at somaxconn) keeps
    // connections from being dropped and later reset.
    httpServer.listen({ port: options.port ?? 3000, host: options.host ?? "0.0.0.0", backlog: 4096 }, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = options.publicUrl ?? `http://localhost:${port}`;
  return {
    url,
    io: realtime.io,
    app: api,
    media,
    close: async () => {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await recorder?.close();
      await realtime.close();
      await media.close();
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
