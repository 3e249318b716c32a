// Serve the production build (`next start`). Output also goes to SERVER_LOG_FILE when set, so
// tests can read the whole server log of a run.
import { createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import { relayTo, spawnNode } from "./runtime.mjs";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const port = process.env.PORT || "3000";

if (process.env.DATABASE_URL && (!process.env.AUTH_SECRET || !process.env.SECRETS_KEY)) {
  console.error("AUTH_SECRET and SECRETS_KEY must be set when DATABASE_URL is set: every process sharing the database needs the same keys (see README: Configuration).");
  process.exit(1);
}

// Stamps each request with its client address and refuses undecodable API paths (request-edge.mjs).
const requestEdge = new URL("./request-edge.mjs", import.meta.url).href;
const child = spawnNode(["--import", requestEdge, nextBin, "start", "-p", port, "-H", process.env.HOST || "0.0.0.0"], { stdio: ["ignore", "pipe", "pipe"] });
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
