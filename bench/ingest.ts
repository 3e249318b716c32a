// `npm run bench:ingest`: ingest of 10,000 findings into a new asset (all created), then the same
// scan with 10 % changed, on PGlite and on Postgres, beside a raw multi-row insert of the same
// rows into the same table in the same run; how many Events Webhook deliveries those changes
// queue; and the issues API's list time (p50/p95) with 100,000 issues. Postgres runs when
// TEST_DATABASE_URL or DATABASE_URL is set (in a scratch database, dropped afterwards).
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { GET as listRoute } from "@/app/api/v1/issues/route";
import { closeDb, db, handle, rows } from "@/db/client";
import { migrate } from "@/db/migrate";
import { assets, users } from "@/db/schema";
import { bootstrap } from "@/lib/people/first-start";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { createApiToken } from "@/lib/auth/tokens";
import { saveIntegration } from "@/lib/integrations/service";
import { findingIdentity } from "@/lib/issues/identity";
import { ingestScan } from "@/lib/issues/ingest";

const N = Number(process.env.BENCH_N || 10_000);
const LIST_ISSUES = Number(process.env.BENCH_LIST_ISSUES || 100_000);
const LIST_RUNS = Number(process.env.BENCH_LIST_RUNS || 200);
process.env.SECRETS_KEY ||= randomBytes(32).toString("base64");
process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
process.env.WORKER = "off";
process.env.OUTBOUND_ALLOW_PRIVATE = "true";
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

const SEVERITIES = ["error", "warning", "info"] as const;
const KINDS = ["code", "log", "host", "productivity", "asset"] as const;
const finding = (i: number, version = 0) => ({
  detectorId: `D${String(i % 40).padStart(3, "0")}`,
  detectorName: `Detector ${i % 40}`,
  severity: SEVERITIES[i % 3],
  path: `src/module${i % 200}/file${i}.ts`,
  content: `const key = "AKIA${String(i).padStart(12, "0")}"; // v${version}`,
  uri: `https://github.com/acme/bench/blob/main/src/module${i % 200}/file${i}.ts#L${(i % 90) + 1}`,
  fingerprint: `bench-${i}`,
});

async function setUp(): Promise<{ admin: Principal; token: string }> {
  await migrate();
  process.env.ADMIN_EMAIL = "bench@example.com";
  process.env.ADMIN_PASSWORD = "bench password long enough";
  await bootstrap({ seedDemo: false, log: () => {} });
  const [row] = await db.select().from(users).where(eq(users.email, "bench@example.com"));
  const admin = (await loadPrincipal(row.id))!;
  await saveIntegration(admin, "events-webhook", null, { url: "http://127.0.0.1:9/events" });
  return { admin, token: (await createApiToken(db, row.id, "bench")).token };
}

/**
 * The floor: the same rows as hand-written multi-row INSERTs straight through the driver (5,000
 * rows a statement, under the 65,535 bind-parameter limit), in one transaction.
 */
async function rawInsert(assetId: string, kind: (typeof KINDS)[number], from: number, count: number): Promise<number> {
  await db.insert(assets).values({ id: assetId, name: assetId, kind }).onConflictDoNothing();
  const values = Array.from({ length: count }, (_, k) => {
    const f = finding(from + k);
    return [assetId, findingIdentity(f), kind, f.detectorId, f.detectorName, f.severity, f.path, f.content, f.uri];
  });
  const statement = (n: number) =>
    `insert into issues (asset_id, identity, kind, detector_id, detector_name, severity, path, content, uri) values ` +
    Array.from({ length: n }, (_, r) => `(${Array.from({ length: 9 }, (_, c) => `$${r * 9 + c + 1}`).join(",")})`).join(
      ",",
    );
  const h = handle();
  const run = async (query: (text: string, params?: unknown[]) => Promise<unknown>) => {
    await query("begin");
    for (let i = 0; i < values.length; i += 5000) {
      const chunk = values.slice(i, i + 5000);
      await query(statement(chunk.length), chunk.flat());
    }
    await query("commit");
  };
  const started = performance.now();
  if (h.pglite) await run((text, params) => h.pglite!.query(text, params));
  else {
    const client = await h.pool!.connect();
    try {
      await run((text, params) => client.query(text, params));
    } finally {
      client.release();
    }
  }
  return performance.now() - started;
}

async function eventDeliveries(): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from deliveries where provider = 'events-webhook'`,
  );
  return n;
}

async function timeIngest(admin: Principal, body: unknown) {
  const before = await eventDeliveries();
  const started = performance.now();
  const result = await ingestScan(admin, body);
  return { ms: performance.now() - started, result, events: (await eventDeliveries()) - before };
}

async function ingestPhase(label: string) {
  const { admin, token } = await setUp();
  // Warm both paths (JIT, plan caches) so neither pays for going first.
  await rawInsert("bench/warm-raw", "code", 500_000, 500);
  await ingestScan(admin, {
    asset: { id: "bench/warm-ingest", kind: "code" },
    findings: Array.from({ length: 500 }, (_, i) => finding(600_000 + i)),
  });
  await db.execute(sql`delete from deliveries`);
  const raw = await rawInsert("bench/raw", "code", 0, N);
  const scan = Array.from({ length: N }, (_, i) => finding(i));
  const created = await timeIngest(admin, { asset: { id: "github.com/acme/bench", kind: "code" }, findings: scan });
  const changed = scan.map((f, i) => (i % 10 === 0 ? finding(i, 1) : f));
  const again = await timeIngest(admin, { asset: { id: "github.com/acme/bench", kind: "code" }, findings: changed });
  const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
  console.log(`${label.padEnd(9)} raw multi-row insert of ${N}: ${fmt(raw)}`);
  console.log(
    `${label.padEnd(9)} ingest ${N} (created ${created.result.created}):  ${fmt(created.ms)}  = ${(created.ms / raw).toFixed(2)}× raw (target ≤ 5×)`,
  );
  console.log(
    `${label.padEnd(9)} re-ingest, 10 % changed (updated ${again.result.updated}): ${fmt(again.ms)}  = ${(again.ms / raw).toFixed(2)}× raw`,
  );
  console.log(
    `${label.padEnd(9)} Events Webhook deliveries: ${created.events} for ${N} created (+ asset_created, ingest_completed; target ≤ 12), ${again.events} for ${again.result.updated} updated`,
  );
  return token;
}

async function listPhase(label: string, token: string) {
  const perKind = Math.ceil((LIST_ISSUES - N * 2) / KINDS.length);
  for (const [k, kind] of KINDS.entries()) await rawInsert(`bench/list-${kind}`, kind, 100_000 + k * perKind, perKind);
  await db.execute(sql`update issues set status = 'resolved' where random() < 0.2`);
  await db.execute(sql`analyze`);
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from issues`);
  const queries = [
    "",
    "?kind=code&status=open",
    "?status=open&severity=error",
    "?kind=log&status=resolved",
    "?assetId=bench%2Flist-host",
    "?kind=code&limit=100",
  ];
  const cursorPage = await (await call(token, "?kind=code&status=open&limit=50")).json();
  queries.push(`?kind=code&status=open&limit=50&cursor=${cursorPage.nextCursor}`);
  const times: number[] = [];
  const byQuery = new Map<string, number[]>();
  for (let i = 0; i < LIST_RUNS; i++) {
    const query = queries[i % queries.length];
    const started = performance.now();
    const response = await call(token, query);
    if (response.status !== 200) throw new Error(`list answered ${response.status}`);
    await response.json();
    const ms = performance.now() - started;
    times.push(ms);
    byQuery.set(query, [...(byQuery.get(query) ?? []), ms]);
  }
  if (process.env.BENCH_VERBOSE)
    for (const [q, t] of byQuery)
      console.log(
        `  ${q.slice(0, 60) || "(no filter)"}: max ${Math.max(...t).toFixed(1)} ms, median ${t.sort((a, b) => a - b)[t.length >> 1].toFixed(1)} ms`,
      );
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
  console.log(
    `${label.padEnd(9)} GET /api/v1/issues with ${n} issues, ${LIST_RUNS} calls over ${queries.length} filter mixes: p50 ${pct(50)} ms, p95 ${pct(95)} ms (target p95 ≤ 100 ms on PGlite)`,
  );
}

function call(token: string, query: string) {
  const request = new Request(`http://localhost/api/v1/issues${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return listRoute(request, { params: Promise.resolve({}) });
}

async function admin(url: string, query: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function main() {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = "memory://";
  const token = await ingestPhase("PGlite");
  await listPhase("PGlite", token);
  await closeDb();

  if (!serverUrl) {
    console.log("Postgres  skipped (set TEST_DATABASE_URL or DATABASE_URL)");
    return;
  }
  const name = `cs_bench_ingest_${process.pid}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  try {
    const pgToken = await ingestPhase("Postgres");
    await listPhase("Postgres", pgToken);
  } finally {
    await closeDb();
    await admin(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
