import pg from "pg";
import { handle } from "@/db/client";
import { WAKE_CHANNEL } from "./config";

type Waker = () => void;
const holder = globalThis as unknown as { __csDeliveryWakers?: Set<Waker> };
const wakers = (holder.__csDeliveryWakers ??= new Set());

/**
 * Tell this process's worker there may be new work. The outbox calls it for you (see
 * notifyWorkers); call it yourself only after changing deliveries some other way.
 */
export function wakeWorker(): void {
  for (const wake of wakers) wake();
}

export function onWake(wake: Waker): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/**
 * On Postgres, listen for the NOTIFYs enqueuers send at commit, from any process. A dedicated
 * connection does it and reconnects after a failure; the 1 s poll covers the gap. The embedded
 * database needs nothing: its only worker is in this process. Returns a stop function.
 */
export async function listenForWork(wake: Waker, log: (message: string) => void): Promise<() => Promise<void>> {
  if (handle().kind === "pglite") return async () => {};
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
        log(
          `[worker] LISTEN failed (${error instanceof Error ? error.message : "error"}); polling until it reconnects`,
        );
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
