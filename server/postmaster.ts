// Stops PostgreSQL servers found by their postmaster.pid: our own at shutdown, and one still running on our data
// folder after the Node process that started it died (kill -9), so the next start runs one server on it, never two.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import path from "node:path";

type ProcessInfo = { ppid: number; args: string; zombie: boolean };

function processInfo(pid: number): ProcessInfo | null {
  if (existsSync("/proc/self/stat")) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // The command name in parentheses may hold spaces: the fields that matter follow the last ")".
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
      return { ppid: Number(ppid), args, zombie: state === "Z" };
    } catch {
      return null;
    }
  }
  // No /proc (macOS): ask ps.
  const ps = spawnSync("ps", ["-o", "stat=,ppid=,args=", "-p", String(pid)], { encoding: "utf8" });
  const match = /^\s*(\S+)\s+(\d+)\s+(.*)$/.exec(ps.stdout ?? "");
  return match ? { ppid: Number(match[2]), args: match[3].trim(), zombie: match[1].startsWith("Z") } : null;
}

function running(pid: number): boolean {
  const info = processInfo(pid);
  return info !== null && !info.zombie;
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The pid of the postmaster running on `dataDir` right now, if any (PostgreSQL writes it on line 1 of postmaster.pid). */
export function runningPostmaster(dataDir: string): number | null {
  const pid = readPid(path.join(dataDir, "postmaster.pid"));
  return pid !== null && running(pid) ? pid : null;
}

async function waitForExit(pid: number, lockFile: string, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) {
    // PostgreSQL removes its lock file last thing on the way out; an orphan's new parent may never reap it.
    if (!running(pid) || readPid(lockFile) !== pid) return true;
  }
  return false;
}

/**
 * Makes `dataDir` free for a new postmaster. `ownerFile` holds the pid of the Node process that started the last one:
 * while that process is still its parent, another Cunbo is using this data and we refuse rather than break it.
 * Why stop a left-over server rather than connect to it: its log goes to a dead pipe, it may carry another version's
 * flags, and only a server we started ourselves is stopped by our shutdown; a restart costs about a second.
 */
export async function stopLeftoverPostmaster(
  dataDir: string,
  ownerFile: string,
  log: (line: string) => void,
): Promise<void> {
  const lockFile = path.join(dataDir, "postmaster.pid");
  const pid = readPid(lockFile);
  if (pid === null) return;
  const info = processInfo(pid);
  // A dead pid: PostgreSQL sees the lock file is stale and replaces it itself.
  if (!info) return;
  if (info.zombie || !/postgres/.test(info.args) || !info.args.includes(dataDir)) {
    // A postmaster that died but was never reaped, or (after a reboot) a pid that now belongs to another process:
    // PostgreSQL would take either for a live server and refuse to start.
    log(`removing a stale ${lockFile} (pid ${pid} is ${info.zombie ? "a dead process" : `now "${info.args}"`})`);
    rmSync(lockFile, { force: true });
    return;
  }
  if (info.ppid === readPid(ownerFile)) {
    throw new Error(
      `PostgreSQL in ${dataDir} (pid ${pid}) belongs to another Cunbo process that is still running (pid ${info.ppid}): stop that one first.`,
    );
  }
  log(`PostgreSQL (pid ${pid}) was left running in ${dataDir} by a process that died: stopping it`);
  await stopPostmaster(pid, dataDir);
}

function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * Stops the postmaster `pid` running on `dataDir` and resolves once it is gone; one already gone (a Ctrl-C in a
 * terminal reaches PostgreSQL too) resolves at once.
 */
export async function stopPostmaster(pid: number, dataDir: string): Promise<void> {
  const lockFile = path.join(dataDir, "postmaster.pid");
  // SIGINT is PostgreSQL's "fast" shutdown (what `pg_ctl stop` sends): sessions end, a checkpoint, a clean exit.
  signal(pid, "SIGINT");
  if (await waitForExit(pid, lockFile, 30_000)) return;
  signal(pid, "SIGQUIT"); // "immediate": crash recovery replays the WAL on the next start
  if (await waitForExit(pid, lockFile, 10_000)) return;
  throw new Error(`PostgreSQL (pid ${pid}) in ${dataDir} did not stop; stop it by hand and start again.`);
}
