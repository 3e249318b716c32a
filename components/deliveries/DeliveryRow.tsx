"use client";

import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { DeliveryView } from "@/lib/delivery/queries";
import { DeliveryActions } from "./DeliveryActions";
import { formatDuration, statusLook } from "./format";

/** One delivery: when, what, its status and answer, and Details and Redeliver. */
export function DeliveryRow({
  delivery: d,
  onOpen,
  onRedelivered,
}: {
  delivery: DeliveryView;
  onOpen: () => void;
  onRedelivered: () => void;
}) {
  const look = statusLook(d);
  const last = d.attempts.at(-1);
  return (
    <div role="row" className={ROW_GRID}>
      <span role="cell" className="whitespace-nowrap text-zinc-700">
        <Time iso={d.createdAt} />
      </span>
      <span role="cell" className="min-w-0 truncate font-mono text-xs text-zinc-800" title={d.kind}>
        {d.kind}
      </span>
      <span role="cell" className="min-w-0 basis-full sm:basis-auto">
        <Badge tone={look.tone}>{look.label}</Badge>
        {d.status !== "delivered" && d.lastError && (
          <span className="mt-0.5 block truncate text-xs text-zinc-600" title={d.lastError}>
            {d.lastError}
          </span>
        )}
      </span>
      <span role="cell" className="tabular-nums text-zinc-700">
        <span className="sm:sr-only">HTTP </span>
        {d.lastStatus ?? "—"}
      </span>
      <span role="cell" className="whitespace-nowrap tabular-nums text-zinc-700">
        {formatDuration(last?.durationMs)}
      </span>
      <span role="cell" className="tabular-nums text-zinc-700">
        {d.attempts.length}
        <span className="sm:sr-only"> {d.attempts.length === 1 ? "attempt" : "attempts"}</span>
      </span>
      <DeliveryActions delivery={d} onOpen={onOpen} onRedelivered={onRedelivered} />
    </div>
  );
}

/** Seven columns from sm up, set once on the table; below, each row's cells wrap onto two lines. */
export const TABLE_GRID =
  "sm:grid sm:grid-cols-[5.5rem_minmax(0,1fr)_minmax(0,1.2fr)_2.75rem_4rem_3.5rem_auto] sm:gap-x-3";
/** A rowgroup or row from sm up: it spans the table and takes the table's columns. */
export const SUBGRID = "sm:col-span-full sm:grid-cols-subgrid";
export const ROW_GRID = `flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 sm:grid sm:items-start ${SUBGRID}`;
