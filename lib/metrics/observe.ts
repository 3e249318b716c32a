import type { IngestCounts } from "@/lib/notifications/changes";
import { metrics } from "./registry";

type Children = { count: { inc(): void }; seconds: { observe(value: number): void } };
// prom-client hashes a label object on every call; a worker sending thousands a second keeps the
// labelled children instead, per registry (tests make fresh ones).
const children = new WeakMap<object, Map<string, Children>>();

/** One delivery attempt, as its result was judged: the status the delivery moves to. */
export function observeAttempt(provider: string, status: "pending" | "delivered" | "failed", durationMs: number): void {
  const m = metrics();
  let known = children.get(m.deliveries);
  if (!known) children.set(m.deliveries, (known = new Map()));
  const outcome = status === "pending" ? "retrying" : status;
  const key = `${provider}\n${outcome}`;
  let child = known.get(key);
  if (!child)
    known.set(
      key,
      (child = { count: m.deliveries.labels({ provider, outcome }), seconds: m.attemptSeconds.labels({ provider }) }),
    );
  child.count.inc();
  child.seconds.observe(durationMs / 1000);
}

/** One committed ingest and what it changed. */
export function observeIngest(counts: IngestCounts): void {
  const m = metrics();
  m.ingests.inc();
  for (const change of ["created", "updated", "resolved", "deleted"] as const)
    if (counts[change]) m.issuesChanged.inc({ change }, counts[change]);
}
