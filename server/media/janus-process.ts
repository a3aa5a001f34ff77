// Starts a private Janus (Debian's `janus`, 1.1.2) as a plain child process with its own configuration in a
// temporary folder and its WebSocket API on a free loopback port; resolves once the API accepts connections.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { writeJanusConfig, type JanusConfig } from "./janus-config.ts";

const START_LIMIT_MS = 15_000;

export type JanusProcess = { url: string; pid: number; stop(): Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startJanus(
  options: Partial<Omit<JanusConfig, "wsPort">> & { binary?: string } = {},
): Promise<JanusProcess> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cunbo-janus-"));
  const wsPort = await freePort();
  const file = await writeJanusConfig(dir, {
    wsPort,
    rtpPortRange: options.rtpPortRange ?? "20000-40000",
    iceEnforceList: options.iceEnforceList,
    debugLevel: options.debugLevel,
  });
  // Janus runs under a small shell that ends it when our end of its stdin closes: on stop(), and also when this
  // process dies without cleaning up (a crashed app or test must not leave a Janus holding ports).
  const janus = [options.binary ?? "janus", "-F", dir, "-C", file].map((word) => `'${word.replace(/'/g, "")}'`);
  const watchdog = `exec 3<&0; ${janus.join(" ")} </dev/null 3<&- & j=$!; (read -r _ <&3; kill $j 2>/dev/null) & wait $j`;
  const child: ChildProcess = spawn("sh", ["-c", watchdog], { stdio: ["pipe", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    child.once("error", (error) => reject(new Error(`Janus could not start (${error.message}).`)));
    void exited.then(() =>
      reject(
        new Error(`Janus exited (${child.exitCode ?? child.signalCode}); is it installed (apt-get install janus)?`),
      ),
    );
  });
  failed.catch(() => {});
  const deadline = Date.now() + START_LIMIT_MS;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin?.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (;;) {
      if (await Promise.race([accepts(wsPort), failed])) break;
      if (Date.now() > deadline) throw new Error("Janus did not open its WebSocket API in time.");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `ws://127.0.0.1:${wsPort}`, pid: child.pid!, stop };
}
