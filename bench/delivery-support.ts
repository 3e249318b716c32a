// Pieces of the delivery benchmark: the receiver process, seeding, counting.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { integrations } from "@/db/schema";
import { encryptSecrets } from "@/lib/crypto/secrets";

type Stats = { count: number; badSignatures: number; arrivals: [string, number][] };

export class ReceiverProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(token: string): Promise<ReceiverProcess> {
    const child = fork(path.join(import.meta.dirname, "delivery-bench-receiver.mjs"), {
      env: { ...process.env, BENCH_TOKEN: token },
    });
    const url = await new Promise<string>((resolve) => child.once("message", (m: { url: string }) => resolve(m.url)));
    return new ReceiverProcess(child, url);
  }

  private ask<T>(type: string): Promise<T> {
    return new Promise((resolve) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        this.child.off("message", onMessage);
        resolve(m as T);
      };
      this.child.on("message", onMessage);
      this.child.send({ type });
    });
  }

  stats(): Promise<Stats> {
    return this.ask<Stats>("stats");
  }

  async reset(): Promise<void> {
    await this.ask("reset");
  }

  async stop(): Promise<void> {
    this.child.send({ type: "stop" });
    await new Promise((r) => this.child.once("exit", r));
  }
}

export async function seedIntegration(
  url: string,
  token: string,
  provider: "custom-webhook" | "events-webhook" = "custom-webhook",
) {
  await db.execute(sql`delete from integrations where provider = ${provider}`);
  const [row] = await db
    .insert(integrations)
    .values({ provider, secrets: encryptSecrets({ url, token }) })
    .returning();
  return { id: row.id, provider, teamId: null };
}

/** Whether any delivery is still pending. Polled every 100 ms while the engine runs, so it stops at the first one it finds. */
export async function anyPending(): Promise<boolean> {
  return (await rows(db, sql`select 1 from deliveries where status = 'pending' limit 1`)).length > 0;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * CPU time (ms) used so far by the server processes serving this database, read from /proc when
 * Postgres runs on this machine (NaN otherwise). The engines differ in what they ask of the
 * database, and on a shared machine that CPU is taken from them.
 */
export async function databaseCpuMs(connectionString: string): Promise<Map<number, number>> {
  const { readFileSync } = await import("node:fs");
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows: found } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    const out = new Map<number, number>();
    for (const { pid } of found) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
      } catch {
        // Not on this machine, or gone.
      }
    }
    return out;
  } finally {
    await client.end();
  }
}

/** The database CPU used between two readings (backends that started in between count in full). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  if (after.size === 0) return NaN;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
