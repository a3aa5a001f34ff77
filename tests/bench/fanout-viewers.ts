// A load generator for the fan-out benchmark: COUNT viewer sockets (websocket transport) in this one process,
// all in one show's room, noting when each pin event reaches each of them. Driven by its parent over IPC.
// CLIENT=raw (the default) speaks the Engine.IO 4 / Socket.IO 5 protocol over `ws` directly and reads only the
// pin's id, so the load generators take as little CPU as possible from the server they share the machine with;
// CLIENT=socket.io uses socket.io-client, as a phone does.
import { performance } from "node:perf_hooks";
import { io } from "socket.io-client";
import WebSocket from "ws";

const url = process.env.URL!;
const showId = process.env.SHOW_ID!;
const count = Number(process.env.COUNT);
const client = process.env.CLIENT ?? "raw";
const now = () => performance.timeOrigin + performance.now();

const closers: (() => void)[] = [];
const receipts = new Map<string, number[]>(); // pin id → receipt times
const order: string[] = []; // pin ids, in the order first seen
let joined = 0;
let failed = 0;

function onPin(pinId: string, at: number) {
  let list = receipts.get(pinId);
  if (!list) {
    list = [];
    receipts.set(pinId, list);
    order.push(pinId);
  }
  list.push(at);
  if (list.length === count) process.send!({ kind: "complete", pinId });
}

/** One viewer over the bare protocol: open, connect to "/", join the room, answer pings, time each pin. */
function rawViewer(): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`);
    closers.push(() => ws.close());
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      if (ok) joined++;
      else failed++;
      resolve();
    };
    ws.on("error", () => settle(false));
    ws.on("message", (data) => {
      const text = data.toString();
      if (text.startsWith('42["pin",')) {
        const at = now();
        const start = text.indexOf('"pinId":"') + 9;
        onPin(text.slice(start, text.indexOf('"', start)), at);
      } else if (text === "2") {
        ws.send("3");
      } else if (text.startsWith("0{")) {
        ws.send("40");
      } else if (text.startsWith("40")) {
        ws.send(`42${JSON.stringify(["join", showId])}`);
      } else if (text.startsWith('42["state"')) {
        settle(true);
      }
    });
  });
}

function socketIoViewer(): Promise<void> {
  return new Promise((resolve) => {
    const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: 60_000 });
    closers.push(() => socket.disconnect());
    socket.on("pin", (payload: { pinId: string }) => onPin(payload.pinId, now()));
    socket.once("state", () => {
      joined++;
      resolve();
    });
    socket.once("connect_error", () => {
      failed++;
      resolve();
    });
    socket.on("connect", () => socket.emit("join", showId));
  });
}

async function connectAll() {
  const batch = 100;
  for (let i = 0; i < count; i += batch) {
    const ready: Promise<void>[] = [];
    for (let j = i; j < Math.min(count, i + batch); j++) ready.push(client === "raw" ? rawViewer() : socketIoViewer());
    await Promise.all(ready);
  }
}

process.on("message", (message: { kind: string }) => {
  if (message.kind === "connect") {
    void connectAll().then(() => process.send!({ kind: "connected", joined, failed }));
  } else if (message.kind === "report") {
    process.send!({ kind: "report", order, receipts: Object.fromEntries(receipts) });
  } else if (message.kind === "stop") {
    for (const close of closers) close();
    setTimeout(() => process.exit(0), 200);
  }
});
process.send!({ kind: "ready" });
