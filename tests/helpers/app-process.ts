// Cunbo run as its own OS process (`server/start.ts` as `npm start` runs it, or `server/serve.ts`), for tests that
// stop, kill and restart it: start it, wait for its ready line, keep its output, and stop it however the test needs.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { afterAll } from "vitest";

export type AppProcess = {
  child: ChildProcess;
  pid: number;
  output: () => string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
};

const started = new Set<ChildProcess>();

afterAll(async () => {
  await Promise.all([...started].map((child) => stopProcess(child, "SIGTERM")));
});

/** Starts `node --import tsx <script>` with exactly `env` and resolves once its output contains `readyText`. */
export async function startAppProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  readyText: string,
  timeoutMs = 90_000,
  // In a process group of its own, as in a terminal, where Ctrl-C or closing it signals every process of the group.
  { ownGroup = false } = {},
): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: ownGroup,
  });
  started.add(child);
  let output = "";
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => {
      started.delete(child);
      resolve(code ?? signal ?? "unknown");
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} was not ready in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { child, pid: child.pid!, output: () => output, exited };
}

/** Sends `signal` and waits for the exit; a process that ignores SIGTERM for 10 s is killed. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await gone;
  clearTimeout(timer);
}

/** The environment of this test process without what would point a child at this file's database or Redis. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "REDIS_URL", "NODE_ENV", "SESSION_SECRET", "STRIPE_SECRET_KEY", "PORT"]) {
    delete env[name];
  }
  return { ...env, ...overrides };
}

/** Live postmasters (not their backends, whose titles are rewritten) whose command line names `dataDir`. */
export function postmastersOn(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const zombie = stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
      if (!zombie && /postgres$/.test(args[0]) && args[args.indexOf("-D") + 1] === dataDir) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}
