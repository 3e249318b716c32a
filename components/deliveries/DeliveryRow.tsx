"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { redeliverAction } from "@/lib/delivery/actions";
import type { DeliveryView } from "@/lib/delivery/queries";
import { absoluteTime } from "@/lib/format/time";
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
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const look = statusLook(d);
  const last = d.attempts.at(-1);
  const when = absoluteTime(d.createdAt);
  const redeliver = () =>
    startTransition(async () => {
      const result = await redeliverAction({ id: d.id });
      setError(result.ok ? undefined : result.error);
      onRedelivered();
    });
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
      <span role="cell" className="ml-auto sm:ml-0">
        <span className="flex justify-end gap-1.5">
          <Button
            type="button"
            variant="ghost"
            className="h-7 px-2 text-xs"
            onClick={onOpen}
            aria-label={`Details of ${d.kind} delivery from ${when}`}
          >
            Details
          </Button>
          <Button
            type="button"
            variant="secondary"
            className="h-7 px-2 text-xs"
            pending={pending}
            onClick={redeliver}
            aria-label={`Redeliver ${d.kind} delivery from ${when}`}
          >
            Redeliver
          </Button>
        </span>
        {error && (
          <span role="alert" className="mt-1 block text-right text-xs text-red-700">
            {error}
          </span>
        )}
      </span>
    </div>
  );
}

/** Seven columns from sm up; below, the cells wrap onto two lines. */
export const ROW_GRID =
  "flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 sm:grid sm:grid-cols-[5.5rem_minmax(0,1fr)_minmax(0,1.2fr)_2.75rem_4rem_3.5rem_auto] sm:items-start";
