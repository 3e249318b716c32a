// `npm run bench:delivery`: end-to-end delivery throughput (outbox → claim → sign → POST →
// attempt recorded) on PGlite and on Postgres, beside a raw undici loop posting the same signed
// bodies to the same receiver; then enqueue-commit-to-first-byte latency at 100 deliveries/s;
// and the worker's peak RSS. Postgres runs when TEST_DATABASE_URL or DATABASE_URL is set, and
// with it the peers (bench/delivery-peers.ts: graphile-worker tuned and default, pg-boss), each
// in its own process and database, doing the same job; a table puts them side by side (issue 17).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Agent, request } from "undici";
import { memoryFlags, spawnNode, withMemoryEnv, workerMemoryFlags } from "../scripts/runtime.mjs";
import { closeDb, db } from "@/db/client";
import { migrate } from "@/db/migrate";
import {
  anyPending,
  cpuBetween,
  databaseCpuMs,
  ReceiverProcess,
  seedIntegration,
  percentile,
} from "./delivery-support";
import { makePeer, makeSender, PEER_LABELS, type PeerName } from "./delivery-peers";
import { appendFileSync, readFileSync } from "node:fs";
import { enqueueDeliveries, enqueueDelivery } from "@/lib/delivery/outbox";
import { signingHeaders } from "@/lib/signing/sign";
import { DeliveryWorker } from "@/lib/delivery/worker";

const N = Number(process.env.BENCH_N || 20_000);
const BATCH = Number(process.env.BENCH_BATCH || 100);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT || 256);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS || 5);
/** Deliveries sent before the latency count starts: the first claims after the throughput run skip its dead index entries. */
const LATENCY_WARMUP = 50;
/** Throughput runs per engine; the table shows their median. */
const RUNS = Number(process.env.BENCH_RUNS || 3);
const PEERS: PeerName[] = ["graphile-tuned", "graphile-default", "pg-boss"];
/** Worker processes of the scale-out runs (BENCH_SCALE=1,2,4; empty to skip). */
const SCALE = (process.env.BENCH_SCALE ?? "1,2,4").split(",").filter(Boolean).map(Number);
const TOKEN = process.env.BENCH_TOKEN || randomBytes(32).toString("base64url");
const BODY_PAYLOAD = {
  issues: [
    {
      assetId: "github.com/maggie/jelly-sandwich",
      detectorId: "SENF026",
      detectorName: "Ruby On Rails secret token configuration file",
      severity: "error",
      uri: "https://github.com/maggie/jelly-sandwich/blob/main/config/initializers/secret_token.rb#L7",
    },
  ],
};

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
/**
 * The worker process's CPU time (user + system) per 1,000 deliveries, throughput runs only: what
 * each engine costs the machine, much less swayed than wall time by others sharing the cores.
 */
const cpuPerThousand: number[] = [];
/** The same for the Postgres server processes of the engine's database (Postgres runs only). */
const dbCpuPerThousand: number[] = [];
const dbCpu = async () =>
  process.env.DATABASE_URL ? databaseCpuMs(process.env.DATABASE_URL) : new Map<number, number>();
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000 / (N / 1000);
};
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

async function engineThroughput(receiver: ReceiverProcess): Promise<number> {
  const target = await seedIntegration(`${receiver.url}/hook`, TOKEN);
  for (let i = 0; i < N; i += 2000) {
    const chunk = Array.from({ length: Math.min(2000, N - i) }, () => ({
      target,
      kind: "issues_created",
      payload: BODY_PAYLOAD,
    }));
    await db.transaction((tx) => enqueueDeliveries(tx, chunk));
  }
  await receiver.reset();
  const worker = new DeliveryWorker({ batchSize: BATCH, maxInFlight: IN_FLIGHT, log: () => {} });
  const profiler = await startProfiler();
  workerRunning(true);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const dbBefore = await dbCpu();
  await worker.start();
  while (await anyPending()) await new Promise((r) => setTimeout(r, 100));
  const seconds = (performance.now() - started) / 1000;
  cpuPerThousand.push(cpuMs(cpu));
  dbCpuPerThousand.push(cpuBetween(dbBefore, await dbCpu()) / (N / 1000));
  await profiler?.stop();
  await worker.stop();
  if (process.env.BENCH_DEBUG) console.log(worker.counts);
  workerRunning(false);
  const stats = await receiver.stats();
  if (stats.count < N || stats.badSignatures)
    throw new Error(`receiver saw ${stats.count}/${N}, ${stats.badSignatures} bad signatures`);
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

type Latency = { p50: number; p99: number; count: number };

/**
 * Commit-to-first-byte at 100 deliveries/s: one delivery queued and committed every 10 ms, the
 * receiver noting when each first reached it. `add` queues one and returns its id.
 */
async function latencyRun(
  receiver: ReceiverProcess,
  add: () => Promise<string>,
  pending: () => Promise<boolean>,
): Promise<Latency> {
  await receiver.reset();
  const committedAt = new Map<string, number>();
  const total = LATENCY_WARMUP + LATENCY_SECONDS * 100;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * 10;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const id = await add();
    if (i >= LATENCY_WARMUP) committedAt.set(id, performance.timeOrigin + performance.now());
  }
  while (await pending()) await new Promise((r) => setTimeout(r, 100));
  const stats = await receiver.stats();
  const latencies = stats.arrivals
    .flatMap(([id, at]) => (committedAt.has(id) ? [at - committedAt.get(id)!] : []))
    .sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length };
}

async function latencyAt100PerSecond(receiver: ReceiverProcess): Promise<Latency> {
  const target = await seedIntegration(`${receiver.url}/latency`, TOKEN, "events-webhook");
  const worker = new DeliveryWorker({ batchSize: BATCH, maxInFlight: IN_FLIGHT, log: () => {} });
  workerRunning(true);
  await worker.start();
  let i = 0;
  // The outbox wakes the worker itself: in-process on PGlite, by NOTIFY at commit on Postgres.
  const add = () => {
    const payload = { name: "issue_created", ids: [`issue-${i++}`], time: new Date().toISOString() };
    return db.transaction((tx) => enqueueDelivery(tx, { target, kind: "issue_created", payload }));
  };
  const latency = await latencyRun(receiver, add, anyPending);
  await worker.stop();
  workerRunning(false);
  return latency;
}

/** What a phase reports to the table. */
type Result = {
  engine: string;
  rates: number[];
  cpu: number[];
  dbCpu?: number[];
  latency: Latency;
  peakRss: number;
  raw?: number;
};

function report(result: Result) {
  if (process.env.BENCH_RESULT_FILE) appendFileSync(process.env.BENCH_RESULT_FILE, `${JSON.stringify(result)}\n`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (value: number) => Math.round(value).toLocaleString("en-US");

async function runOn(label: string) {
  const receiver = await ReceiverProcess.start(TOKEN);
  try {
    await migrate();
    const rates: number[] = [];
    for (let run = 0; run < RUNS; run++) rates.push(await engineThroughput(receiver));
    const raw = await rawUndiciThroughput(receiver);
    const latency = await latencyAt100PerSecond(receiver);
    console.log(
      `${label.padEnd(9)} engine ${rates.map(rate).join(" · ")}/s (median ${rate(median(rates))}) · raw undici ${rate(raw)}/s · ratio ${(median(rates) / raw).toFixed(2)} · ` +
        `latency p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms (${latency.count} at 100/s after ${LATENCY_WARMUP} to warm up) · worker peak RSS ${mb(peakRss)} (${mb(rssBeforeWorker)} before it started)`,
    );
    report({ engine: `ours (${label})`, rates, cpu: cpuPerThousand, dbCpu: dbCpuPerThousand, latency, peakRss, raw });
  } finally {
    await closeDb();
    await receiver.stop();
  }
}

/** One peer on its own database: the same N, the same receiver, the same latency run. */
async function runPeer(name: PeerName) {
  const receiver = await ReceiverProcess.start(TOKEN);
  const url = process.env.DATABASE_URL!;
  try {
    const rates: number[] = [];
    const peer = await makePeer(name, url, await makeSender(`${receiver.url}/hook`, TOKEN, BODY_PAYLOAD));
    // As for ours: a full queue, then a worker started on it and timed until the queue is empty.
    for (let run = 0; run < RUNS; run++) {
      await peer.fill(N);
      await receiver.reset();
      workerRunning(true);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const dbBefore = await dbCpu();
      await peer.startWorker();
      while (await peer.pending()) await new Promise((r) => setTimeout(r, 100));
      rates.push(N / ((performance.now() - started) / 1000));
      cpuPerThousand.push(cpuMs(cpu));
      dbCpuPerThousand.push(cpuBetween(dbBefore, await dbCpu()) / (N / 1000));
      await peer.stopWorker();
      workerRunning(false);
      const stats = await receiver.stats();
      if (stats.count < N || stats.badSignatures)
        throw new Error(`receiver saw ${stats.count}/${N}, ${stats.badSignatures} bad signatures`);
    }
    workerRunning(true);
    await peer.startWorker();
    const latency = await latencyRun(
      receiver,
      () => peer.addOne(),
      () => peer.pending(),
    );
    await peer.close();
    workerRunning(false);
    console.log(
      `${name.padEnd(16)} ${rates.map(rate).join(" · ")}/s (median ${rate(median(rates))}) · latency p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms · peak RSS ${mb(peakRss)}`,
    );
    report({ engine: PEER_LABELS[name], rates, cpu: cpuPerThousand, dbCpu: dbCpuPerThousand, latency, peakRss });
  } finally {
    await receiver.stop();
  }
}

/**
 * Scale-out (issue 17.4): N deliveries queued, then `workers` worker processes started together
 * on them (each one `npm run worker`'s DeliveryWorker, in its own process), timed until the queue
 * is empty.
 */
async function runScale(workers: number) {
  const receiver = await ReceiverProcess.start(TOKEN);
  try {
    await migrate();
    const target = await seedIntegration(`${receiver.url}/hook`, TOKEN);
    for (let i = 0; i < N; i += 2000) {
      const chunk = Array.from({ length: Math.min(2000, N - i) }, () => ({
        target,
        kind: "issues_created",
        payload: BODY_PAYLOAD,
      }));
      await db.transaction((tx) => enqueueDeliveries(tx, chunk));
    }
    await receiver.reset();
    const children = Array.from({ length: workers }, () =>
      spawnNode(
        ["--import", "tsx", import.meta.filename, "scale-worker"],
        { stdio: ["ignore", "inherit", "inherit", "ipc"], env: process.env },
        workerMemoryFlags,
      ),
    );
    await Promise.all(children.map((child) => new Promise((resolve) => child.once("message", resolve))));
    const started = performance.now();
    for (const child of children) child.send("go");
    while (await anyPending()) await new Promise((r) => setTimeout(r, 100));
    const perSecond = N / ((performance.now() - started) / 1000);
    await Promise.all(
      children.map((child) => new Promise((resolve) => (child.once("exit", resolve), child.send("stop")))),
    );
    const stats = await receiver.stats();
    if (stats.count < N || stats.badSignatures)
      throw new Error(`receiver saw ${stats.count}/${N}, ${stats.badSignatures} bad signatures`);
    console.log(`scale-out ${workers} worker process${workers > 1 ? "es" : ""}: ${rate(perSecond)}/s`);
    report({
      engine: `scale:${workers}`,
      rates: [perSecond],
      cpu: [],
      latency: { p50: NaN, p99: NaN, count: 0 },
      peakRss: 0,
    });
  } finally {
    await closeDb();
    await receiver.stop();
  }
}

/** One worker process of the scale-out run: ready, then "go", then "stop". */
async function scaleWorker() {
  const worker = new DeliveryWorker({ batchSize: BATCH, maxInFlight: IN_FLIGHT, log: () => {} });
  process.on("message", async (message) => {
    if (message === "go") await worker.start();
    if (message === "stop") {
      await worker.stop();
      await closeDb();
      process.exit(0);
    }
  });
  process.send!("ready");
  await new Promise(() => {});
}

/**
 * Each engine runs in its own process, so each peak RSS is that worker's alone. It runs as the
 * product's server and `npm run worker` do (scripts/runtime.mjs), unless BENCH_NO_MEMORY_FLAGS=1.
 */
function runPhase(phase: string, env: Record<string, string>, flags = workerMemoryFlags): Promise<void> {
  return new Promise((resolve, reject) => {
    // BENCH_NODE_ARGS: extra flags for the engine's process (--trace-gc, a memory flag to try).
    const args = [
      ...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
      "--import",
      "tsx",
      import.meta.filename,
      phase,
    ];
    const child = process.env.BENCH_NO_MEMORY_FLAGS
      ? spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } })
      : spawnNode(args, { stdio: "inherit", env: { ...process.env, ...env } }, flags);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${phase} phase failed (${code})`))));
  });
}

/** A database of its own on the server for one phase, dropped afterwards. */
async function withDatabase(serverUrl: string, suffix: string, work: (url: string) => Promise<void>) {
  const name = `cs_bench_${process.pid}_${suffix.replace(/\W/g, "_")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function printTable(all: Result[]) {
  const results = all.filter((r) => !r.engine.startsWith("scale:"));
  const scale = all.filter((r) => r.engine.startsWith("scale:"));
  const ours = results.find((r) => r.engine === "ours (Postgres)");
  console.log("");
  console.log(
    `| engine | deliveries/s (median of ${RUNS}) | runs | vs ours (Postgres) | CPU per 1,000: worker + Postgres | p50 / p99 at 100/s | peak RSS |`,
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const r of results) {
    const m = median(r.rates);
    const versus = ours ? `${(m / median(ours.rates)).toFixed(2)}×` : "–";
    const name = r.engine.startsWith("ours") ? `**${r.engine}**` : r.engine;
    console.log(
      `| ${name} | ${rate(m)} | ${r.rates.map(rate).join(", ")} | ${versus} | ${Math.round(median(r.cpu))} + ${r.dbCpu?.length && !Number.isNaN(median(r.dbCpu)) ? Math.round(median(r.dbCpu)) : "–"} ms | ${r.latency.p50.toFixed(1)} / ${r.latency.p99.toFixed(1)} ms | ${mb(r.peakRss)} |`,
    );
  }
  const raw = results.find((r) => r.raw)?.raw;
  if (raw) console.log(`| raw undici loop, same receiver and body (no queue) | ${rate(raw)} | | – | – | – | – |`);
  if (scale.length) {
    const one = scale.find((r) => r.engine === "scale:1")?.rates[0];
    console.log("");
    console.log("| worker processes (Postgres) | deliveries/s | vs 1 |");
    console.log("|---|---|---|");
    for (const r of scale)
      console.log(`| ${r.engine.slice(6)} | ${rate(r.rates[0])} | ${one ? (r.rates[0] / one).toFixed(2) : "–"}× |`);
  }
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
  if (phase?.startsWith("peer:")) return runPeer(phase.slice(5) as PeerName);
  if (phase?.startsWith("scale:")) return runScale(Number(phase.slice(6)));
  if (phase === "scale-worker") return scaleWorker();

  console.log(
    `delivery bench: ${N.toLocaleString("en-US")} deliveries × ${RUNS} runs per engine, batches of ${BATCH}, ${IN_FLIGHT} in flight, loopback receiver in its own process`,
  );
  const { MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_ } = withMemoryEnv(process.env);
  console.log(
    process.env.BENCH_NO_MEMORY_FLAGS
      ? "worker processes run with Node's defaults (BENCH_NO_MEMORY_FLAGS)"
      : `engines run as the product does: on Postgres as \`npm run worker\` (node ${workerMemoryFlags.join(" ")}), on PGlite as the server (node ${memoryFlags.join(" ")}); MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX}, MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_}`,
  );
  const resultFile = path.join(mkdtempSync(path.join(os.tmpdir(), "cs-bench-results-")), "results.jsonl");
  process.env.BENCH_RESULT_FILE = resultFile;
  const only = process.env.BENCH_ONLY?.split(",");
  const wanted = (name: string) => !only || only.includes(name);

  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (serverUrl) {
    if (wanted("ours")) await withDatabase(serverUrl, "ours", (url) => runPhase("postgres", { DATABASE_URL: url }));
    for (const peer of PEERS)
      if (wanted(peer)) await withDatabase(serverUrl, peer, (url) => runPhase(`peer:${peer}`, { DATABASE_URL: url }));
    for (const workers of SCALE)
      if (wanted("scale"))
        await withDatabase(serverUrl, `scale${workers}`, (url) => runPhase(`scale:${workers}`, { DATABASE_URL: url }));
  } else {
    console.log("Postgres and the peers skipped (set TEST_DATABASE_URL or DATABASE_URL)");
  }
  if (wanted("pglite")) {
    // A data directory made beforehand, as on every start but the first: creating one (initdb)
    // costs PGlite some 500 MB that a running worker never needs again.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "cs-bench-pglite-"));
    try {
      const embedded = { DATA_DIR: dataDir, DATABASE_URL: "" };
      // PGlite's worker lives in the web server's process, and runs with its flags.
      await runPhase("prepare", embedded, memoryFlags);
      await runPhase("pglite", embedded, memoryFlags);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const results = readFileSync(resultFile, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Result);
  rmSync(path.dirname(resultFile), { recursive: true, force: true });
  printTable(results);
  console.log(
    "targets (issue 17): Postgres ≥ 15,000/s and ahead of tuned graphile-worker, PGlite ≥ 8,000/s, p50 ≤ 1 ms, p99 ≤ 5 ms, worker RSS < 250 MB",
  );
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
