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

/** A worker's ear on the wake channel: whether it hears now, and how to stop. */
export type Listening = { hears(): boolean; stop(): Promise<void> };

/**
 * On Postgres, listen for the NOTIFYs enqueuers send at commit, from any process, and pass on
 * each one's payload (empty, or a hand-off's claim: lib/delivery/handoff.ts). A dedicated
 * connection does it and reconnects after a failure; the 1 s poll covers the gap. The embedded
 * database's one connection listens too: its only worker is in this process and is woken
 * directly, but a hand-off learns of its commit from the notification.
 */
export async function listenForWork(
  notified: (payload: string | undefined) => void,
  log: (message: string) => void,
): Promise<Listening> {
  const h = handle();
  if (h.kind === "pglite") {
    // In-process wakes need no listener; hand-offs do, to learn of their commit.
    const unlisten = await h.pglite!.listen(WAKE_CHANNEL, notified);
    return { hears: () => true, stop: () => unlisten() };
  }
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: process.env.DATABASE_URL });
    next.on("notification", (message) => notified(message.payload));
    const lost = () => {
      if (stopped || client !== next) return;
      client = null;
      next.end().catch(() => {});
      retry = setTimeout(() => void connect(), 1000);
    };
    next.on("error", lost);
    next.on("end", lost);
    try {
      await next.connect();
      await next.query(`listen ${WAKE_CHANNEL}`);
      client = next;
      notified(undefined);
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
  return {
    hears: () => client !== null,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
