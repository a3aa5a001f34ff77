// Serves an already migrated database and an already built app, configured only by the environment: one of N
// identical processes behind a load balancer (and what the two-process test and the benchmark start).
// `npm start` (server/start.ts) is the everything-included way; this adds no embedded database, migration or seed.
import { loadAppBuild } from "./app-build.ts";
import { serverOptions, startServer } from "./index.ts";

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("server/serve.ts needs DATABASE_URL (npm start provides one).");
  process.env.NODE_ENV ??= "production";
  // The build's env() is the one parse of the environment; loading the build here gives the server the same modules.
  const { api } = await loadAppBuild();
  const settings = api.env();
  const server = await startServer(serverOptions(settings));
  // Parents wait for this line (tests, the benchmark).
  console.log(`[cunbo] listening ${server.url}${settings.REDIS_URL ? " (rooms shared through Redis)" : ""}`);
  const shutdown = async () => {
    await server.close();
    await server.app.disconnectDb();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
