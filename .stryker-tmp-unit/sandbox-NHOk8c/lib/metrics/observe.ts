// @ts-nocheck
import type { IngestCounts } from "@/lib/notifications/changes";
import { metrics } from "./registry";

/** One delivery attempt, as its result was judged: the status the delivery moves to. */
export function observeAttempt(provider: string, status: "pending" | "delivered" | "failed", durationMs: number): void {
  const m = metrics();
  m.deliveries.inc({ provider, outcome: status === "pending" ? "retrying" : status });
  m.attemptSeconds.observe({ provider }, durationMs / 1000);
}

/** One committed ingest and what it changed. */
export function observeIngest(counts: IngestCounts): void {
  const m = metrics();
  m.ingests.inc();
  for (const change of ["created", "updated", "resolved", "deleted"] as const) if (counts[change]) m.issuesChanged.inc({ change }, counts[change]);
}
