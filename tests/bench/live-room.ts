// The live-room benchmark (`npm run bench -- live-room`): pin fan-out to N viewers, against a bare socket.io
// server measured in the same run.
//   BENCH_N=1000,5000,10000  viewer counts      BENCH_PINS=20        measured pins per run
//   BENCH_PER_PROCESS=2500   sockets per load-generator process   BENCH_ROUNDS=2   runs per N and server
// Uses the PostgreSQL in DATABASE_URL (a fresh database is made, migrated and seeded) or an embedded one.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { runFanout, type RunResult } from "./live-fanout.ts";
import { onDemandWeight, routeWeight } from "./page-weight.ts";

const say = (line: string) => console.log(`[bench] ${line}`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A fresh database on the PostgreSQL in DATABASE_URL (or an embedded one), migrated and seeded; returns its clean-up. */
export async function prepareDatabase() {
  const { startTestPostgres, withAdmin } = await import("../helpers/postgres.ts");
  const postgres = await startTestPostgres();
  const name = `cunbo_bench_${randomBytes(4).toString("hex")}`;
  await withAdmin(postgres.baseUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = `${postgres.baseUrl}/${name}`;
  const { migrate } = await import("../../server/migrate.ts");
  await migrate(url);
  process.env.DATABASE_URL = url;
  const { db } = await import("../../app/lib/db.server.ts");
  const { seed } = await import("../../prisma/seed.ts");
  await seed(db);
  return async () => {
    await db.$disconnect();
    await withAdmin(postgres.baseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await postgres.stop();
  };
}

function table(results: RunResult[]) {
  const lines = [
    "| N | server | joined | pin→receipt p50 / p95 / p99 (ms) | emit→receipt p95 (ms) | event-loop delay p99 / max (ms) | ELU | CPU ms per pin | memory per viewer (RSS / heap) |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    lines.push(
      `| ${r.viewers} | ${r.server} | ${r.joined} | ${r.endToEnd.p50.toFixed(0)} / ${r.endToEnd.p95.toFixed(0)} / ${r.endToEnd.p99.toFixed(0)} | ${r.fanOut.p95.toFixed(0)} | ${r.lag.p99.toFixed(0)} / ${r.lag.max.toFixed(0)} | ${(r.lag.elu * 100).toFixed(0)} % | ${r.cpuMsPerPin.toFixed(0)} | ${kb(r.bytesPerViewer.rss)} / ${kb(r.bytesPerViewer.heap)} |`,
    );
  }
  lines.push(
    "",
    "| N | p95 ratio to bare (pin→receipt) | p99 ratio | p95 ratio (emit→receipt) | CPU per pin ratio |",
    "|---|---|---|---|---|",
  );
  for (const viewers of new Set(results.map((r) => r.viewers))) {
    const ours = results.find((r) => r.viewers === viewers && r.server === "cunbo");
    const bare = results.find((r) => r.viewers === viewers && r.server === "bare");
    if (!ours || !bare) continue;
    lines.push(
      `| ${viewers} | ${(ours.endToEnd.p95 / bare.endToEnd.p95).toFixed(2)}× | ${(ours.endToEnd.p99 / bare.endToEnd.p99).toFixed(2)}× | ${(ours.fanOut.p95 / bare.fanOut.p95).toFixed(2)}× | ${(ours.cpuMsPerPin / bare.cpuMsPerPin).toFixed(2)}× |`,
    );
  }
  return lines.join("\n");
}

export async function runLiveRoom() {
  if (spawnSync("npx", ["remix", "build"], { stdio: "inherit" }).status !== 0) throw new Error("remix build failed");
  const live = routeWeight(["routes/live.$showId"]);
  const home = routeWeight(["routes/_index"]);
  say(
    `live room JavaScript for a phone: ${kb(live.bytes)} gzipped in ${live.files} files (the home page: ${kb(home.bytes)}); hls.js on demand: ${kb(onDemandWeight("hls"))}`,
  );

  const sizes = (process.env.BENCH_N ?? "1000,5000,10000").split(",").map(Number);
  const options = {
    sizes,
    pins: Number(process.env.BENCH_PINS ?? 20),
    warmup: 3,
    perProcess: Number(process.env.BENCH_PER_PROCESS ?? 2500),
    gapMs: 300,
    rounds: Number(process.env.BENCH_ROUNDS ?? 2),
  };
  say(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const cleanUp = await prepareDatabase();
  try {
    const results = await runFanout(options, say);
    const report = table(results);
    console.log(`\n${report}\n`);
    await mkdir("tests/artifacts", { recursive: true });
    await writeFile(
      "tests/artifacts/bench-live-fanout.json",
      JSON.stringify({ options, results, live, home }, null, 2),
    );
    await writeFile("tests/artifacts/bench-live-fanout.md", `${report}\n`);
  } finally {
    await cleanUp();
  }
}
