// The process's HTTP side: Express with the Remix handler, static files and socket.io, all on one port.
// No business rules here.
import { createServer as createHttpServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import morgan from "morgan";
import { BUY_NOW_PATH } from "../app/lib/buy-now-client.ts";
import { buyNowHandler } from "./buy-now.ts";
import { answerErrorsPlainly } from "./error-answer.ts";
import { attachRealtime, type Realtime } from "./realtime.ts";
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
};

declare module "@remix-run/node" {
  interface AppLoadContext {
    uploadDir?: string;
  }
}

export type RunningServer = { url: string; close: () => Promise<void>; io: Realtime["io"] };

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const root = process.cwd();
  const buildDir = path.resolve(options.buildDir ?? "build");
  const build = (await import(pathToFileURL(path.join(buildDir, "index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", 1);
  app.use(compression());
  // Remix streams inline scripts for hydration; a nonce-based CSP is future work, the other headers apply now.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  if (options.logRequests) app.use(morgan("tiny"));
  app.use(dropUnreadBodies, refuseMalformedUrls);

  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  const uploadDir = path.resolve(options.uploadDir ?? ".data/uploads");
  app.use("/uploads", express.static(uploadDir, { maxAge: "1d" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

  // Guessing passwords and creating accounts in bulk are slowed per address; everything else is unlimited.
  const authLimiter = rateLimit({ windowMs: 60_000, limit: 20, standardHeaders: "draft-8", legacyHeaders: false });
  app.post(["/login", "/signup"], authLimiter);

  // Signatures are computed over the exact bytes Stripe sent, so this route reads the raw body.
  app.post("/webhooks/stripe", express.raw({ type: "application/json", limit: "1mb" }), stripeWebhookHandler());

  // Routes that store uploads write where /uploads serves from.
  app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: () => ({ uploadDir }) }));
  app.use(answerErrorsPlainly);

  // These two answer ahead of Express: in a flash sale they take thousands of requests in one instant, and each
  // layer in front of them (Express's router, compression, helmet's headers, three static-file lookups) would
  // multiply that work. Measured in tests/bench/flash-sale.ts.
  const buyNow = buyNowHandler({ publicUrl: options.publicUrl });
  const httpServer = createHttpServer((req, res) => {
    if (req.url === BUY_NOW_PATH && req.method === "POST") void buyNow(req, res);
    else if (req.url === "/healthz" && req.method === "GET") {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": 11, "Cache-Control": "no-store" });
      res.end('{"ok":true}');
    } else app(req, res);
  });
  // Longer than a load balancer's idle timeout (often 60 s), so a kept-alive connection is never closed under a
  // request that is already on its way (Node's 5 s default turns bursts into connection resets).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const realtime = await attachRealtime(httpServer, { publicUrl: options.publicUrl, redisUrl: options.redisUrl });
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
    close: async () => {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await realtime.close();
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
