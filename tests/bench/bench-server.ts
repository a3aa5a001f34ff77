// A server process for the fan-out benchmark, measured from inside: either Cunbo's real server (Express + Remix +
// socket.io with its live rooms) or, with BARE=1, a bare socket.io server that only joins rooms and broadcasts
// what it is told to. Reports event-loop delay, memory and when each pin left the process, over IPC.
import { createServer } from "node:http";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { Server } from "socket.io";

type Stats = {
  rss: number;
  heapUsed: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
  elu: number;
  cpuMs: number;
};

const now = () => performance.timeOrigin + performance.now();
const emitted = new Map<string, number>(); // pin id → when the server handed it to socket.io
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
let eluStart = performance.eventLoopUtilization();
let cpuStart = process.cpuUsage();

async function startCunbo(port: number) {
  const { startServer } = await import("../../server/index.ts");
  const server = await startServer({ port, host: "127.0.0.1" });
  // Wrap the publisher the realtime layer installed, to note when each pin was published (bench only).
  const publisher = server.app.installedPublisher()!;
  server.app.installPublisher({
    publish(event) {
      if (event.type === "pin") emitted.set((event.payload as { pinId: string }).pinId, now());
      publisher.publish(event);
    },
  });
  return server.close;
}

async function startBare(port: number) {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  io.on("connection", (socket) => {
    socket.on("join", (showId: string) => {
      void socket.join(`show:${showId}`);
      socket.emit("state", { showId });
    });
  });
  http.on("request", (req, res) => {
    if (req.method !== "POST" || !req.url?.startsWith("/pin/")) return void res.writeHead(404).end();
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const payload = JSON.parse(body) as { pinId: string };
      emitted.set(payload.pinId, now());
      io.to(`show:${req.url!.slice(5)}`).emit("pin", payload);
      res.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => http.listen(port, "127.0.0.1", resolve));
  return async () => {
    io.close();
  };
}

function stats(): Stats {
  const memory = process.memoryUsage();
  const elu = performance.eventLoopUtilization(eluStart);
  return {
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    lagP50: lag.percentile(50) / 1e6,
    lagP99: lag.percentile(99) / 1e6,
    lagMax: lag.max / 1e6,
    elu: elu.utilization,
    // CPU time this process used since the last reset: the work itself, whatever else the machine is doing.
    cpuMs: (() => {
      const cpu = process.cpuUsage(cpuStart);
      return (cpu.user + cpu.system) / 1000;
    })(),
  };
}

const port = Number(process.env.PORT);
const close = await (process.env.BARE === "1" ? startBare(port) : startCunbo(port));
process.on("message", (message: { kind: string }) => {
  if (message.kind === "gc") {
    globalThis.gc?.();
    globalThis.gc?.();
    process.send!({ kind: "gc", stats: stats() });
  } else if (message.kind === "reset") {
    lag.reset();
    eluStart = performance.eventLoopUtilization();
    cpuStart = process.cpuUsage();
    process.send!({ kind: "reset" });
  } else if (message.kind === "stats") {
    process.send!({ kind: "stats", stats: stats(), emitted: Object.fromEntries(emitted) });
  } else if (message.kind === "stop") {
    void close().finally(() => process.exit(0));
  }
});
process.send!({ kind: "ready" });
