// The web process: Next's request handler on an http server of our own, so that a signal stops
// everything in order. `next start` would exit as soon as its server closed, with the delivery
// worker mid-send and the embedded database open. On SIGTERM or SIGINT (or when the launcher
// that started it is gone):
//   1. stop listening; requests in flight may finish until the deadline, idle connections close;
//   2. meanwhile stop claiming deliveries and scan steps, and let those in hand finish;
//   3. close Next and the database, and exit. Past the deadline, what is left is cut off: a
//      delivery or scan step cut off comes back when its lease ends.
import http from "node:http";
import path from "node:path";

process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
/** Requests and background work get this long; the whole stop stays within 10 s. */
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS || 8000);
const LIFECYCLE_KEY = Symbol.for("code-security.lifecycle");

const app = next({ dev: false, dir: root, hostname: host === "0.0.0.0" ? "localhost" : host, port });
const handle = app.getRequestHandler();
let inFlight = 0;
let stopping = false;

const server = http.createServer((req, res) => {
  inFlight++;
  res.on("close", () => {
    inFlight--;
    if (stopping) server.closeIdleConnections();
  });
  // A keep-alive client learns to reconnect elsewhere instead of reusing a closing server.
  if (stopping) res.setHeader("connection", "close");
  handle(req, res).catch((error) => {
    console.error("[server] request failed:", error instanceof Error ? error.message : error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
const within = (promise, ms) =>
  Promise.race([Promise.resolve(promise).catch((e) => console.error("[server]", e?.message ?? e)), sleep(ms)]);

async function stop(reason) {
  if (stopping) return; // a terminal's Ctrl-C reaches npm, the launcher and us: one stop
  stopping = true;
  const deadline = Date.now() + GRACE_MS;
  // Whatever happens below, the process is gone within 10 s.
  setTimeout(() => process.exit(1), GRACE_MS + 1500).unref();
  console.log(`[server] ${reason}: stopping (${inFlight} requests in flight)`);
  const lifecycle = globalThis[LIFECYCLE_KEY];
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const work = within(lifecycle?.stopWork(), GRACE_MS);
  await within(closed, deadline - Date.now());
  if (inFlight > 0) console.log(`[server] cutting off ${inFlight} requests at the deadline`);
  server.closeAllConnections();
  await work;
  await within(app.close(), 500);
  await within(lifecycle?.close(), Math.max(500, deadline + 1000 - Date.now()));
  console.log("[server] stopped");
  process.exit(0);
}

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void stop(signal));
// Started by scripts/serve.mjs over an IPC channel: if the launcher dies, so do we.
if (process.channel) {
  process.on("disconnect", () => void stop("launcher gone"));
  process.channel.unref();
}

/** The app's lifecycle, once instrumentation.ts has handed it over (as Next loads the app). */
async function appLifecycle() {
  for (let waited = 0; !globalThis[LIFECYCLE_KEY] && waited < 120_000; waited += 50) await sleep(50);
  return globalThis[LIFECYCLE_KEY];
}

server.on("error", (error) => {
  console.error(`[server] cannot serve on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
await app.prepare();
server.listen(port, host);
try {
  await (
    await appLifecycle()
  )?.ready;
} catch (error) {
  console.error(`[server] could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
const url = (process.env.APP_URL || `http://localhost:${port}`).replace(/\/$/, "");
const reset = process.env.DATABASE_URL
  ? "npm run admin -- reset-password <email>"
  : "stop the server, then run npm run admin -- reset-password <email>";
console.log(`\n  Code Security is serving ${url} (sign in at ${url}/login)`);
console.log(`  Lost a password? ${reset}\n`);
