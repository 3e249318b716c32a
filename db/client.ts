import path from "node:path";
import { PGlite, types, type QueryOptions, type Transaction } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { sql } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema";
import { installSafeQueryErrors } from "./query-errors";
import { dataDir } from "@/lib/config/keys";
import { lockEmbeddedDatabase } from "./embedded-lock";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

type Handle = { db: Db; kind: "pglite" | "postgres"; pglite?: PGlite; pool?: pg.Pool; close: () => Promise<void> };

installSafeQueryErrors();

// One handle per process, kept on globalThis so Next's dev reloads reuse it.
const holder = globalThis as unknown as { __csDb?: Handle; __csDbIdleError?: (error: Error) => void };

/**
 * Who hears that an idle pooled connection failed (lib/bootstrap.ts logs it); the pool replaces the
 * connection itself. db/ sits below lib/, so the logger is handed in rather than imported.
 */
export function onIdleClientError(handler: (error: Error) => void): void {
  holder.__csDbIdleError = handler;
}

function open(): Handle {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX || 10) });
    pool.on("error", (err) => holder.__csDbIdleError?.(err));
    // The pool listens for errors only on idle clients. A connection that dies while checked out
    // (mid-transaction, Postgres restarting) also emits "error", and with no listener that would
    // end the process. Its queries fail with the error, and the pool drops it when released.
    pool.on("connect", (client) => client.on("error", () => {}));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: "postgres", pool, close: () => pool.end() };
  }
  const dir = process.env.DATA_DIR === "memory://" ? "memory://" : path.join(dataDir(), "pglite");
  // A quarter of Postgres's default buffer pool: it lives in this process's WASM memory. Against
  // 64 MB it saves about 30 MB of peak RSS with the same bench:delivery and bench:ingest figures;
  // 16 MB saved nothing more.
  const unlock = dir === "memory://" ? () => {} : lockEmbeddedDatabase(dir);
  const pglite = new PGlite(dir, { postgresqlconf: ["shared_buffers = 32MB"], parsers: AS_TEXT });
  const db = drizzlePglite({ client: withoutQueryParsers(pglite) as unknown as PGlite, schema }) as unknown as Db;
  return { db, kind: "pglite", pglite, close: () => pglite.close().finally(unlock) };
}

/**
 * Dates, times and intervals as Postgres writes them, which is how drizzle wants them: its column
 * types turn them into values themselves.
 */
const asText = (value: string) => value;
const AS_TEXT = Object.fromEntries(
  // numeric[], timestamp[], timestamptz[], interval[], date[]
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((oid) => [
    oid,
    asText,
  ]),
);

type QueryClient = {
  query: (text: string, params?: unknown[], options?: QueryOptions) => ReturnType<PGlite["query"]>;
  transaction: <T>(work: (tx: QueryClient) => Promise<T>) => Promise<T>;
};

/**
 * drizzle's PGlite session asks for those types as text with parsers of its own on every query,
 * and PGlite copies its whole table of 318 parsers to merge them in: 30 KB of garbage and 0.06 ms
 * a query (0.16 ms against 0.22 for `select 1, now()`), and over half of what the embedded worker
 * allocated per delivery. The instance parses them so already (AS_TEXT), so drizzle's queries go
 * through without theirs. The worker's own statements on PGlite (worker-sql.ts) read dates as
 * text too, as drizzle's raw queries always have.
 */
function withoutQueryParsers(client: PGlite | Transaction): QueryClient {
  return {
    query: (text: string, params?: unknown[], options?: QueryOptions) =>
      client.query(text, params, options && { rowMode: options.rowMode }),
    // drizzle opens transactions on the database only; inside one it uses savepoints.
    transaction: (work) => (client as PGlite).transaction((tx) => work(withoutQueryParsers(tx))),
  };
}

export function handle(): Handle {
  holder.__csDb ??= open();
  return holder.__csDb;
}

/** Close this process's database handle (tests, scripts, shutdown). */
export async function closeDb(): Promise<void> {
  const h = holder.__csDb;
  holder.__csDb = undefined;
  if (h) await h.close();
}

/** The database. Opened on first use; PGlite and node-postgres look the same from here. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = handle().db as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/** Identifiers as one `text[]` parameter, for `= any(${textArray(ids)})`. */
export function textArray(values: readonly string[]): ReturnType<typeof sql> {
  return sql`${`{${values.join(",")}}`}::text[]`;
}

/** Rows of a raw SQL query, on either driver. */
export async function rows<T>(executor: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
