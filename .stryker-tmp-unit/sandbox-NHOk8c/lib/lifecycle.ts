// @ts-nocheck
import { closeDb } from "@/db/client";
import { stopBackground } from "@/lib/background";

/**
 * How scripts/server.mjs follows what the app starts and stops it. The server script runs outside
 * Next's bundle, so the app hands it these on globalThis as it starts (instrumentation.ts). The
 * server announces itself once `ready` settles, calls `stopWork` at a signal, beside draining its
 * requests, and `close` last.
 */
export type Lifecycle = {
  /** The database is migrated and seeded, and the background work started. */
  ready: Promise<void>;
  /** Stop claiming deliveries and scan steps; let those in hand finish. */
  stopWork: () => Promise<void>;
  /** Close the database: the last step, once no request or job can use it. */
  close: () => Promise<void>;
};

export const LIFECYCLE_KEY = Symbol.for("code-security.lifecycle");

export function exposeLifecycle(ready: Promise<void>): void {
  const lifecycle: Lifecycle = { ready, stopWork: stopBackground, close: closeDb };
  (globalThis as Record<symbol, unknown>)[LIFECYCLE_KEY] = lifecycle;
}
