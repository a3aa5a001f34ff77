// Debian's coturn (turnserver) on loopback with the TURN REST API's shared secret, for tests of relay-only peers.
// Everything runs on one machine, so the relay must be allowed to reach loopback peers (the media relay's
// 127.0.0.1 candidate); in production that option stays off.
import { spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const freeUdpPort = () =>
  new Promise<number>((resolve) => {
    const socket = createSocket("udp4");
    socket.bind(0, "127.0.0.1", () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });

export type Coturn = { url: string; stop: () => Promise<void> };

export async function startCoturn(secret: string): Promise<Coturn> {
  const port = await freeUdpPort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "cunbo-coturn-"));
  const relayBase = 40_000 + Math.floor(Math.random() * 200) * 100;
  const server = spawn(
    "turnserver",
    [
      "-n",
      ...["--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", `--listening-port=${port}`],
      ...[`--min-port=${relayBase}`, `--max-port=${relayBase + 99}`],
      ...["--use-auth-secret", `--static-auth-secret=${secret}`, "--realm=cunbo.test", "--fingerprint"],
      ...["--allow-loopback-peers", "--no-tls", "--no-dtls", "--no-cli", "--no-tcp-relay"],
      ...[`--pidfile=${dir}/turnserver.pid`, `--userdb=${dir}/turndb`, "--log-file=stdout", "--simple-log"],
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`turnserver did not start:\n${log}`)), 10_000);
    server.stdout.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (/listener opened on|Total General servers/i.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once("exit", (code) => reject(new Error(`turnserver exited (${code}):\n${log}`)));
  });
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    },
  };
}
