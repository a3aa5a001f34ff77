// A red run must never land: a child Vitest, set up exactly as `npm test` is (global database, per-file databases,
// the summary reporter), runs a file that fails and one that passes, and its exit code must follow.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

type Run = { code: number | null; output: string };

function childVitest(fixture: "fails" | "passes", env: Record<string, string | undefined>): Promise<Run> {
  const vitest = path.resolve("node_modules/vitest/vitest.mjs");
  const config = "tests/fixtures/suite-truth/vitest.config.ts";
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CUNBO_SUITE_TRUTH_FIXTURE: fixture, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, "run", "--config", config], { env: childEnv });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("the test suite's exit code", () => {
  it("is non-zero when a test fails and zero when all pass, on the embedded PostgreSQL", async () => {
    // No DATABASE_URL: the child starts an embedded PostgreSQL of its own, the path a fresh machine takes.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "cunbo-truth-"));
    const env = { DATABASE_URL: undefined, CUNBO_TEST_PG_DIR: path.join(dataDir, "pg") };
    try {
      const failed = await childVitest("fails", env);
      expect(failed.output).toContain("0 passed, 1 failed");
      expect(failed.code, failed.output).not.toBe(0);
      const passed = await childVitest("passes", env);
      expect(passed.output).toContain("1 passed, 0 failed");
      expect(passed.code, passed.output).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it("is non-zero when a test fails against an external PostgreSQL", async () => {
    const failed = await childVitest("fails", { DATABASE_URL: `${inject("pgBaseUrl")}/postgres` });
    expect(failed.output).toContain("0 passed, 1 failed");
    expect(failed.code, failed.output).not.toBe(0);
  }, 120_000);
});
