// Drops what is left of a request body the app answered without reading (a redirect to log in, a 404, a
// refused address). Otherwise the paused request holds the kept-alive connection: the browser's next request
// on it is never read and never answered. Past a limit the connection is closed instead of read.
import type { RequestHandler } from "express";

const DROP_LIMIT_BYTES = 16 * 1024 * 1024;

export const dropUnreadBodies: RequestHandler = (req, res, next) => {
  res.once("finish", () => {
    if (req.complete || req.destroyed) return;
    // The app's reader (Remix's stream of the body) paused the request when nobody read further; detach it.
    req.removeAllListeners("data");
    let dropped = 0;
    req.on("data", (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DROP_LIMIT_BYTES) req.socket.destroy();
    });
    req.resume();
  });
  next();
};
