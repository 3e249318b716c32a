import pg from "pg";
import { handle } from "@/db/client";
import { WAKE_CHANNEL } from "./config";

type Waker = () => void;
const holder = globalThis as unknown as { __csDeliveryWakers?: Set<Waker> };
const wakers = (holder.__csDeliveryWakers ??= new Set());

/**
 * Tell this process's worker there may be new work. Enqueuers call it after their transaction
 * commits; on the embedded database it is the fast path (NOTIFY at commit is the other one).
 */
export function wakeWorker(): void {
  for (const wake of wakers) wake();
}

export function onWake(wake: Waker): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/**
 * Listen for NOTIFYs sent at commit by other processes (and this one). On Postgres a dedicated
 * connection does it and reconnects after a failure; the 1 s poll covers the gap. Returns a stop
 * function.
 */
export async function listenForWork(wake: Waker, log: (message: string) => void): Promise<() => Promise<void>> {
  const h = handle();
  if (h.kind === "pglite") {
    const unlisten = await h.pglite!.listen(WAKE_CHANNEL, wake);
    return async () => unlisten();
  }
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: process.env.DATABASE_URL });
    next.on("notification", wake);
    next.on("error", () => {
      if (stopped || client !== next) return;
      client = null;
      next.end().catch(() => {});
      retry = setTimeout(() => void connect(), 1000);
    });
    try {
      await next.connect();
      await next.query(`listen ${WAKE_CHANNEL}`);
      client = next;
      wake();
    } catch (error) {
      next.end().catch(() => {});
      if (!stopped) {
        log(`[worker] LISTEN failed (${error instanceof Error ? error.message : "error"}); polling until it reconnects`);
        retry = setTimeout(() => void connect(), 1000);
      }
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
