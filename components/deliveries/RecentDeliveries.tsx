"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Inbox, RotateCw } from "lucide-react";
import { useId, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { listDeliveriesAction, redeliverAction } from "@/lib/delivery/actions";
import type { DeliveryView } from "@/lib/delivery/queries";
import { DeliveryDetail } from "./DeliveryDetail";
import { absoluteTime } from "@/lib/format/time";
import { formatDuration, statusLook } from "./format";
import { RetryFailedSince } from "./RetryFailedSince";

export type RecentDeliveriesProps = {
  /** The integration whose deliveries are listed (its card places this panel). */
  integrationId: string;
  /** How many of the newest to show. */
  limit?: number;
};

/**
 * "Recent deliveries" of one integration: each with its status, the receiver's HTTP status, how
 * long it took and how many attempts, a detail panel and Redeliver. Polls while anything is
 * still pending, so a retry or a redelivery turns green on its own.
 */
export function RecentDeliveries({ integrationId, limit = 20 }: RecentDeliveriesProps) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const key = ["deliveries", integrationId, limit];
  const list = useQuery({
    queryKey: key,
    queryFn: async () => {
      const result = await listDeliveriesAction({ integrationId, limit });
      if (!result.ok) throw new Error(result.error);
      return result.data.items;
    },
    refetchInterval: (q) => (q.state.data?.some((d) => d.status === "pending") ? 2000 : 15_000),
  });
  const [open, setOpen] = useState<DeliveryView | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["deliveries", integrationId] });
    void queryClient.invalidateQueries({ queryKey: ["delivery-health", integrationId] });
  };
  // Bulk retry only where there is something to retry.
  const hasFailures = list.data?.some((d) => d.status === "failed") ?? false;

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id={headingId} className="text-sm font-semibold text-zinc-900">
          Recent deliveries
        </h3>
        {hasFailures && <RetryFailedSince integrationId={integrationId} onDone={refresh} />}
      </div>
      {list.isError ? (
        <div role="alert" className="flex items-center gap-2 text-sm text-red-700">
          Could not load deliveries: {list.error.message}
          <Button
            type="button"
            variant="secondary"
            className="h-7 px-2 text-xs"
            onClick={() => list.refetch()}
            pending={list.isFetching}
          >
            <RotateCw className="size-3.5" aria-hidden /> Retry
          </Button>
        </div>
      ) : list.isPending ? (
        <p aria-live="polite" className="text-sm text-zinc-500">
          Loading deliveries…
        </p>
      ) : list.data.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-zinc-500">
          <Inbox className="size-4" aria-hidden /> No deliveries recorded yet. Tests of the saved settings and every
          delivery show here.
        </p>
      ) : (
        // ARIA table roles on a grid: rows stay rows for assistive technology, and on a phone
        // each row folds onto two lines instead of scrolling sideways.
        <div
          role="table"
          aria-label="Recent deliveries, newest first"
          className="rounded-md border border-zinc-200 text-sm"
        >
          <div role="rowgroup" className="hidden border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 sm:block">
            <div role="row" className={ROW_GRID}>
              {["Time", "Event", "Status", "HTTP", "Duration", "Attempts"].map((h) => (
                <span key={h} role="columnheader" className="font-medium">
                  {h}
                </span>
              ))}
              <span role="columnheader" className="sr-only">
                Actions
              </span>
            </div>
          </div>
          <div role="rowgroup" className="divide-y divide-zinc-100">
            {list.data.map((d) => (
              <DeliveryRow key={d.id} delivery={d} onOpen={() => setOpen(d)} onRedelivered={refresh} />
            ))}
          </div>
        </div>
      )}
      <DeliveryDetail delivery={open} onClose={() => setOpen(null)} />
    </section>
  );
}

function DeliveryRow({
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
const ROW_GRID =
  "flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 sm:grid sm:grid-cols-[5.5rem_minmax(0,1fr)_minmax(0,1.2fr)_2.75rem_4rem_3.5rem_auto] sm:items-start";
