// Once per test run: start PostgreSQL and build a template database (migrated and seeded) that every
// test file copies into a database of its own, so files run in parallel without seeing each other.
import type { TestProject } from "vitest/node";
import { createDb } from "../../app/lib/db.server.ts";
import { seed } from "../../prisma/seed.ts";
import { migrate } from "../../server/migrate.ts";
import { randomBytes } from "node:crypto";
import { startTestPostgres, withAdmin } from "./postgres.ts";
import { findTestRedis } from "./redis.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgBaseUrl: string;
    templateDb: string;
    redisUrl: string;
    redisMissing: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  // Names unique to this run, so two runs against one server (two developers, CI) never meet.
  const run = randomBytes(4).toString("hex");
  const templateDb = `cunbo_t_${run}_template`;
  await withAdmin(postgres.baseUrl, (admin) => admin.query(`CREATE DATABASE "${templateDb}"`));
  const templateUrl = `${postgres.baseUrl}/${templateDb}`;
  await migrate(templateUrl);
  const db = createDb(templateUrl, 2);
  await seed(db);
  await db.$disconnect();
  project.provide("pgBaseUrl", postgres.baseUrl);
  project.provide("templateDb", templateDb);
  const redis = await findTestRedis();
  project.provide("redisUrl", "url" in redis ? redis.url : "");
  project.provide("redisMissing", "missing" in redis ? redis.missing : "");
  return async () => {
    await withAdmin(postgres.baseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`));
    await postgres.stop();
  };
}
