// Starts the real app (Express + Remix build + socket.io) in this test file's process, on a free port,
// against this file's database.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { startServer, type RunningServer, type ServerOptions } from "../../server/index.ts";

export async function startTestServer(options: Pick<ServerOptions, "mediaEngine"> = {}): Promise<RunningServer> {
  const uploadDir = await mkdtemp(path.join(os.tmpdir(), "cunbo-uploads-"));
  const server = await startServer({ port: 0, host: "127.0.0.1", uploadDir, ...options });
  const url = server.url.replace("localhost", "127.0.0.1");
  afterAll(() => server.close());
  return { ...server, url };
}
