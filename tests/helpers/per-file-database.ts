// Before each test file: a fresh copy of the seeded template database, named in DATABASE_URL so the app's
// one Prisma client (created on first use) connects to it. Dropped when the file is done.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "~/lib/db.server";
import { withAdmin } from "./postgres.ts";

const baseUrl = inject("pgBaseUrl");
const template = inject("templateDb");
const name = template.replace(/template$/, randomBytes(6).toString("hex"));
await withAdmin(baseUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
process.env.DATABASE_URL = `${baseUrl}/${name}`;
process.env.SESSION_SECRET ??= "test-session-secret-0123456789";

afterAll(async () => {
  await disconnectDb();
  await withAdmin(baseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});
