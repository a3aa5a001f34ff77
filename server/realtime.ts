// socket.io on the app's HTTP server: rooms per show, per workshop queue and per order. Writes go through
// HTTP; this only pushes what the domain publishes (and, later, carries chat).
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { installPublisher } from "../app/lib/events.server.ts";
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

export function attachRealtime(httpServer: HttpServer, publicUrl?: string) {
  const io = new Server(httpServer, {
    serveClient: false,
    allowRequest: (req, callback) => callback(null, originAllowed(req.headers.origin, req.headers.host, publicUrl)),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
  });
  attachWorkshopRooms(io);
  installPublisher({
    publish(event) {
      io.to(event.room).emit(event.type, event.payload);
    },
  });
  return io;
}
