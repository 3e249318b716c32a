// @ts-nocheck
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
    const child = fork(path.join(import.meta.dirname, "delivery-bench-receiver.mjs"), { env: { ...process.env, BENCH_TOKEN: token } });
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

export async function seedIntegration(url: string, token: string, provider: "custom-webhook" | "events-webhook" = "custom-webhook") {
  await db.execute(sql`delete from integrations where provider = ${provider}`);
  const [row] = await db.insert(integrations).values({ provider, secrets: encryptSecrets({ url, token }) }).returning();
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
