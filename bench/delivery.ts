// `npm run bench:delivery`: end-to-end delivery throughput (outbox → claim → sign → POST →
// attempt recorded) on PGlite and on Postgres, beside a raw undici loop posting the same signed
// bodies to the same receiver; then enqueue-commit-to-first-byte latency at 100 deliveries/s;
// and the worker's peak RSS. Postgres runs when TEST_DATABASE_URL or DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Agent, request } from "undici";
import { memoryFlags, spawnNode, withMemoryEnv } from "../scripts/runtime.mjs";
import { closeDb, db } from "@/db/client";
import { migrate } from "@/db/migrate";
import { anyPending, ReceiverProcess, seedIntegration, percentile } from "./delivery-support";
import { enqueueDeliveries, enqueueDelivery } from "@/lib/delivery/outbox";
import { signingHeaders } from "@/lib/signing/sign";
import { DeliveryWorker } from "@/lib/delivery/worker";

const N = Number(process.env.BENCH_N || 20_000);
const BATCH = Number(process.env.BENCH_BATCH || 100);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT || 256);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS || 5);
/** Deliveries sent before the latency count starts: the first claims after the throughput run skip its dead index entries. */
const LATENCY_WARMUP = 50;
const TOKEN = process.env.BENCH_TOKEN || randomBytes(32).toString("base64url");
const BODY_PAYLOAD = { issues: [{ assetId: "github.com/maggie/jelly-sandwich", detectorId: "SENF026", detectorName: "Ruby On Rails secret token configuration file", severity: "error", uri: "https://github.com/maggie/jelly-sandwich/blob/main/config/initializers/secret_token.rb#L7" }] };

process.env.OUTBOUND_ALLOW_PRIVATE = "true";
// Phases inherit these, so the prepared database and its worker share keys.
process.env.SECRETS_KEY ||= randomBytes(32).toString("base64");
process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
process.env.BENCH_TOKEN = TOKEN;
if (!process.env.DATABASE_URL) delete process.env.DATABASE_URL;

// The worker's peak: sampled only while a worker runs (not while the bench enqueues, nor during
// the raw loop), beside the process's size just before the first worker started.
let peakRss = 0;
let sampling = false;
let rssBeforeWorker = 0;
const rssSampler = setInterval(() => sampling && (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
function workerRunning(on: boolean) {
  if (on && !rssBeforeWorker) rssBeforeWorker = process.memoryUsage.rss();
  if (on) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  sampling = on;
}
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

async function engineThroughput(receiver: ReceiverProcess): Promise<number> {
  const target = await seedIntegration(`${receiver.url}/hook`, TOKEN);
  for (let i = 0; i < N; i += 2000) {
    const chunk = Array.from({ length: Math.min(2000, N - i) }, () => ({ target, kind: "issues_created", payload: BODY_PAYLOAD }));
    await db.transaction((tx) => enqueueDeliveries(tx, chunk));
  }
  await receiver.reset();
  const worker = new DeliveryWorker({ batchSize: BATCH, maxInFlight: IN_FLIGHT, log: () => {} });
  const profiler = await startProfiler();
  workerRunning(true);
  const started = performance.now();
  await worker.start();
  while (await anyPending()) await new Promise((r) => setTimeout(r, 100));
  const seconds = (performance.now() - started) / 1000;
  await profiler?.stop();
  await worker.stop();
  workerRunning(false);
  const stats = await receiver.stats();
  if (stats.count < N || stats.badSignatures) throw new Error(`receiver saw ${stats.count}/${N}, ${stats.badSignatures} bad signatures`);
  return N / seconds;
}

/** BENCH_CPU_PROFILE=dir writes a CPU profile of the engine run, for finding where the time goes. */
async function startProfiler() {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return null;
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(path.join(dir, `delivery-${process.argv[2]}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function rawUndiciThroughput(receiver: ReceiverProcess): Promise<number> {
  const agent = new Agent({ connections: 128, keepAliveTimeout: 30_000 });
  const body = JSON.stringify(BODY_PAYLOAD);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < N) {
        const id = String(next++);
        const headers = { "content-type": "application/json", ...signingHeaders(id, TOKEN, body) };
        const res = await request(`${receiver.url}/hook`, { dispatcher: agent, method: "POST", headers, body });
        await res.body.text();
      }
    }),
  );
  const rate = N / ((performance.now() - started) / 1000);
  await agent.close();
  return rate;
}

async function latencyAt100PerSecond(receiver: ReceiverProcess) {
  const target = await seedIntegration(`${receiver.url}/latency`, TOKEN, "events-webhook");
  await receiver.reset();
  const worker = new DeliveryWorker({ batchSize: BATCH, maxInFlight: IN_FLIGHT, log: () => {} });
  workerRunning(true);
  await worker.start();
  const committedAt = new Map<string, number>();
  const total = LATENCY_WARMUP + LATENCY_SECONDS * 100;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * 10;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const payload = { name: "issue_created", ids: [`issue-${i}`], time: new Date().toISOString() };
    const id = await db.transaction((tx) => enqueueDelivery(tx, { target, kind: "issue_created", payload }));
    // The outbox wakes the worker itself: in-process on PGlite, by NOTIFY at commit on Postgres.
    if (i >= LATENCY_WARMUP) committedAt.set(id, performance.timeOrigin + performance.now());
  }
  while (await anyPending()) await new Promise((r) => setTimeout(r, 100));
  await worker.stop();
  workerRunning(false);
  const stats = await receiver.stats();
  const latencies = stats.arrivals.flatMap(([id, at]) => (committedAt.has(id) ? [at - committedAt.get(id)!] : [])).sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length };
}

async function runOn(label: string) {
  const receiver = await ReceiverProcess.start(TOKEN);
  try {
    await migrate();
    const engine = await engineThroughput(receiver);
    const raw = await rawUndiciThroughput(receiver);
    const latency = await latencyAt100PerSecond(receiver);
    console.log(
      `${label.padEnd(9)} engine ${Math.round(engine).toLocaleString("en-US")}/s · raw undici ${Math.round(raw).toLocaleString("en-US")}/s · ratio ${(engine / raw).toFixed(2)} · ` +
        `latency p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms (${latency.count} at 100/s after ${LATENCY_WARMUP} to warm up) · worker peak RSS ${mb(peakRss)} (${mb(rssBeforeWorker)} before it started)`,
    );
  } finally {
    await closeDb();
    await receiver.stop();
  }
}

/**
 * Each database runs in its own process, so each peak RSS is that worker's alone. It runs as the
 * product's server and `npm run worker` do (scripts/runtime.mjs).
 */
function runPhase(phase: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnNode(["--import", "tsx", import.meta.filename, phase], { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${phase} phase failed (${code})`))));
  });
}

async function main() {
  const phase = process.argv[2];
  if (phase === "prepare") {
    await migrate();
    await closeDb();
    return;
  }
  if (phase === "pglite") return runOn("PGlite");
  if (phase === "postgres") return runOn("Postgres");

  console.log(`delivery bench: ${N.toLocaleString("en-US")} deliveries, batches of ${BATCH}, ${IN_FLIGHT} in flight, loopback receiver in its own process`);
  const { MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_ } = withMemoryEnv(process.env);
  console.log(`worker processes run as the server does: node ${memoryFlags.join(" ")}, MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX}, MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_}`);
  // A data directory made beforehand, as on every start but the first: creating one (initdb)
  // costs PGlite some 500 MB that a running worker never needs again.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cs-bench-pglite-"));
  try {
    const embedded = { DATA_DIR: dataDir, DATABASE_URL: "" };
    await runPhase("prepare", embedded);
    await runPhase("pglite", embedded);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) {
    console.log("Postgres  skipped (set TEST_DATABASE_URL or DATABASE_URL)");
    return;
  }
  const name = `cs_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await runPhase("postgres", { DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  console.log("targets: ≥3,000/s PGlite, ≥5,000/s Postgres, p50 ≤ 10 ms, p99 ≤ 50 ms, worker RSS < 300 MB");
}

main().then(
  () => {
    clearInterval(rssSampler);
    process.exit(0);
  },
  (error) => {
    console.error("bench failed:", error);
    process.exit(1);
  },
);
