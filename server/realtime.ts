// socket.io on the app's HTTP server: rooms per show, per workshop queue and per order. Writes go through
// HTTP; this pushes what the domain publishes and carries live-room chat (server/live-rooms.ts). With a Redis
// URL, processes share rooms through the Redis Streams adapter, which keeps connection state recovery working.
import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Server, type Socket } from "socket.io";
import type { ClientToServerEvents, CunboEvent, ServerToClientEvents } from "../app/domain/events.ts";
import type { ServerApi } from "./app-build.ts";
import type { SocketData } from "./live-rooms.ts";
import { liveRooms } from "./live-rooms.ts";
import { connectRedis, redisPrefix, type Redis } from "./redis.ts";
import { startViewerCounts } from "./viewer-counts.ts";
import { attachOrderRooms } from "./order-room.ts";
import { attachWorkshopRooms } from "./workshop-room.ts";

// Browsers send Origin on every handshake: only pages of this site (its own host, or its public URL) may connect.
// Clients that are not browsers send none and are let through; they carry no visitor's cookies.
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl?: string): boolean {
  if (!origin) return true;
  try {
    const url = new URL(origin);
    if (publicUrl && url.origin === new URL(publicUrl).origin) return true;
    return url.host === host;
  } catch {
    return false;
  }
}

export type RealtimeOptions = {
  publicUrl?: string;
  redisUrl?: string;
  /** Whether a show's own broadcast runs (the media engine knows): part of the state a joining viewer gets. */
  broadcasting?: (showId: string) => Promise<boolean>;
};
export type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type Realtime = { io: Io; redis: Redis | null; close: () => Promise<void> };

export async function attachRealtime(
  httpServer: HttpServer,
  app: ServerApi,
  options: RealtimeOptions = {},
): Promise<Realtime> {
  const redis = options.redisUrl ? await connectRedis(options.redisUrl) : null;
  const prefix = redisPrefix(process.env.DATABASE_URL);
  const io: Io = new Server(httpServer, {
    serveClient: false,
    // Clients only send chat lines and room ids.
    maxHttpBufferSize: 16 * 1024,
    allowRequest: (req, callback) =>
      callback(null, originAllowed(req.headers.origin, req.headers.host, options.publicUrl)),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
    ...(redis
      ? {
          adapter: createAdapter(redis, {
            streamName: `${prefix}:stream`,
            channelPrefix: `${prefix}:channel`,
            sessionKeyPrefix: `${prefix}:session:`,
            blockTimeInMs: 2000,
            onlyPlaintext: true,
          }),
        }
      : {}),
  });
  attachOrderRooms(io, app);
  attachWorkshopRooms(io, app);
  app.installPublisher({
    publish(event: CunboEvent) {
      // The union pairs each name with its payload; emit's signature cannot see that pairing through a union.
      io.to(event.room).emit(event.type, event.payload as never);
    },
  });
  // Chat limits follow a user to whichever process they reconnect to.
  if (redis) app.shareRateLimits(redis, prefix);

  const { sessionStorage } = app;
  io.use(async (socket, next) => {
    socket.data.userId = null;
    socket.data.showId = null;
    const cookie = socket.handshake.headers.cookie;
    if (cookie?.includes("__session=")) {
      const session = await sessionStorage.getSession(cookie).catch(() => null);
      const userId = session?.get("userId");
      socket.data.userId = typeof userId === "string" ? userId : null;
    }
    next();
  });

  const viewers = startViewerCounts(io, {
    redis,
    prefix,
    onPeak: (showId, total) => {
      app.db.$executeRaw`UPDATE "Show" SET "peakViewers" = ${total}
        WHERE id = ${showId} AND status = 'live' AND "peakViewers" < ${total}`.catch((error: Error) =>
        console.error(`[realtime] peak viewers: ${error.message}`),
      );
    },
  });
  liveRooms(io, viewers, app, options.broadcasting);
  await app
    .rearmRunningDeals()
    .catch((error: Error) => console.error(`[realtime] re-arming flash deals: ${error.message}`));

  return {
    io,
    redis,
    close: async () => {
      viewers.stop();
      io.close();
      if (redis) app.shareRateLimits(null);
      await redis?.close().catch(() => {});
    },
  };
}
