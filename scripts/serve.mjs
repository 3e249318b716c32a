// Serve the production build: scripts/server.mjs in its own Node process, run as
// scripts/runtime.mjs says. Output also goes to SERVER_LOG_FILE when set, so tests can read the
// whole server log of a run.
import { createWriteStream } from "node:fs";
import path from "node:path";
import { relayTo, spawnNode } from "./runtime.mjs";

if (process.env.DATABASE_URL && (!process.env.AUTH_SECRET || !process.env.SECRETS_KEY)) {
  console.error(
    "AUTH_SECRET and SECRETS_KEY must be set when DATABASE_URL is set: every process sharing the database needs the same keys (see README: Configuration).",
  );
  process.exit(1);
}

// The IPC channel tells the server when this launcher is gone, however it went. The preload stamps
// each request with its client address and refuses undecodable API paths (request-edge.mjs).
const requestEdge = new URL("./request-edge.mjs", import.meta.url).href;
const child = spawnNode(["--import", requestEdge, path.join(import.meta.dirname, "server.mjs")], {
  stdio: ["ignore", "pipe", "pipe", "ipc"],
});
const log = process.env.SERVER_LOG_FILE ? createWriteStream(process.env.SERVER_LOG_FILE, { flags: "a" }) : null;
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  log?.write(chunk);
});
child.stderr.on("data", (chunk) => {
  process.stderr.write(chunk);
  log?.write(chunk);
});
relayTo(child);
