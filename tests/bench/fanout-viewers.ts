// A load generator for the fan-out benchmark: COUNT viewer sockets (websocket transport) in this one process,
// all in one show's room, noting when each pin event reaches each of them. Driven by its parent over IPC.
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";

const url = process.env.URL!;
const showId = process.env.SHOW_ID!;
const count = Number(process.env.COUNT);
const now = () => performance.timeOrigin + performance.now();

const sockets: Socket[] = [];
const receipts = new Map<string, number[]>(); // pin id → receipt times
const order: string[] = []; // pin ids, in the order first seen
let joined = 0;
let failed = 0;

function onPin(payload: { pinId: string }) {
  const at = now();
  let list = receipts.get(payload.pinId);
  if (!list) {
    list = [];
    receipts.set(payload.pinId, list);
    order.push(payload.pinId);
  }
  list.push(at);
  if (list.length === count) process.send!({ kind: "complete", pinId: payload.pinId });
}

async function connectAll() {
  const batch = 100;
  for (let i = 0; i < count; i += batch) {
    const ready: Promise<void>[] = [];
    for (let j = i; j < Math.min(count, i + batch); j++) {
      const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: 60_000 });
      sockets.push(socket);
      socket.on("pin", onPin);
      ready.push(
        new Promise<void>((resolve) => {
          socket.once("state", () => {
            joined++;
            resolve();
          });
          socket.once("connect_error", () => {
            failed++;
            resolve();
          });
          socket.on("connect", () => socket.emit("join", showId));
        }),
      );
    }
    await Promise.all(ready);
  }
}

process.on("message", (message: { kind: string }) => {
  if (message.kind === "connect") {
    void connectAll().then(() => process.send!({ kind: "connected", joined, failed }));
  } else if (message.kind === "report") {
    process.send!({ kind: "report", order, receipts: Object.fromEntries(receipts) });
  } else if (message.kind === "stop") {
    for (const socket of sockets) socket.disconnect();
    setTimeout(() => process.exit(0), 200);
  }
});
process.send!({ kind: "ready" });
