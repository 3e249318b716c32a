/**
 * The 10 s budget of a whole exchange. undici's headers and body timeouts bound each phase; this
 * bounds the sum. One shared sweep instead of a timer per request: at thousands of requests a
 * second, per-request timers are a measurable share of the work.
 */
// @ts-nocheck

const SWEEP_MS = 100;
const live = new Set<{ deadline: number; controller: AbortController }>();
let sweeper: NodeJS.Timeout | undefined;

function sweep() {
  const now = Date.now();
  for (const entry of live) {
    if (entry.deadline <= now) {
      live.delete(entry);
      entry.controller.abort(Object.assign(new Error("The request took too long"), { name: "TimeoutError" }));
    }
  }
  if (live.size === 0) {
    clearInterval(sweeper);
    sweeper = undefined;
  }
}

/** A signal that aborts after `ms` (to within 100 ms); call `done` when the exchange is over. */
export function deadlineSignal(ms: number): { signal: AbortSignal; done: () => void } {
  const entry = { deadline: Date.now() + ms, controller: new AbortController() };
  live.add(entry);
  if (!sweeper) {
    sweeper = setInterval(sweep, SWEEP_MS);
    sweeper.unref();
  }
  return { signal: entry.controller.signal, done: () => live.delete(entry) };
}
