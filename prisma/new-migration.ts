// Writes a new migration: the SQL that takes the schema of the latest migration to prisma/schema.prisma.
// Prisma's CLI cannot reach its native schema engine on machines without internet, so this drives the
// official wasm schema engine directly. Each migration folder keeps the schema it produces (schema.prisma)
// so the next diff starts from it. Usage: npm run db:migration -- <name>
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}

const require = createRequire(import.meta.url);
const bgPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.js");
const bg = await import(bgPath);
const wasmBytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bg });
bg.__wbg_set_wasm(instance.exports);
(instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();

const migrationsDir = "prisma/migrations";
await mkdir(migrationsDir, { recursive: true });
const previous = (await readdir(migrationsDir, { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .at(-1);
const current = await readFile("prisma/schema.prisma", "utf8");
const from = previous
  ? {
      tag: "schemaDatamodel",
      files: [
        { path: "schema.prisma", content: await readFile(path.join(migrationsDir, previous, "schema.prisma"), "utf8") },
      ],
    }
  : { tag: "empty" };

// The engine opens a connection even for a schema-to-schema diff; any reachable PostgreSQL will do.
const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error("Set DATABASE_URL to any PostgreSQL you can reach (start the app once and use its URL).");
  process.exit(2);
}
const adapter = new PrismaPg({ connectionString });
const engine = await bg.SchemaEngine.new(
  { datamodels: [["schema.prisma", current]] },
  () => {},
  bindMigrationAwareSqlAdapterFactory(adapter),
);
const result = await engine.diff({
  from,
  to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: current }] },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
});
const sql = result.stdout ?? "";
if (!sql.trim() || sql.includes("This is an empty migration")) {
  console.log("No schema change since the last migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir);
await writeFile(path.join(dir, "migration.sql"), sql);
await writeFile(path.join(dir, "schema.prisma"), current);
console.log(
  `Wrote ${dir}/migration.sql (${sql.split("\n").length} lines). Add SQL Prisma cannot express (CHECKs, partial indexes) at its end.`,
);
await engine.free?.();
process.exit(0);
