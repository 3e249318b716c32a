// @ts-nocheck
"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Inbox, RotateCw } from "lucide-react";
import { useId, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { listDeliveriesAction, redeliverAction } from "@/lib/delivery/actions";
import type { DeliveryView } from "@/lib/delivery/queries";
import { DeliveryDetail } from "./DeliveryDetail";
import { formatDuration, formatTime, statusLook } from "./format";
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
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["deliveries", integrationId] });

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id={headingId} className="text-sm font-semibold text-zinc-900">
          Recent deliveries
        </h3>
        <RetryFailedSince integrationId={integrationId} onDone={refresh} />
      </div>
      {list.isError ? (
        <div role="alert" className="flex items-center gap-2 text-sm text-red-700">
          Could not load deliveries: {list.error.message}
          <Button type="button" variant="secondary" className="h-7 px-2 text-xs" onClick={() => list.refetch()} pending={list.isFetching}>
            <RotateCw className="size-3.5" aria-hidden /> Retry
          </Button>
        </div>
      ) : list.isPending ? (
        <p aria-live="polite" className="text-sm text-zinc-500">
          Loading deliveries…
        </p>
      ) : list.data.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-zinc-500">
          <Inbox className="size-4" aria-hidden /> Nothing sent yet. Use Test to send a sample.
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-md border border-zinc-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Recent deliveries, newest first</caption>
            <thead className="bg-zinc-50 text-xs text-zinc-600">
              <tr>
                {["Time", "Event", "Status", "HTTP", "Duration", "Attempts"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">
                    {h}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {list.data.map((d) => (
                <DeliveryRow key={d.id} delivery={d} onOpen={() => setOpen(d)} onRedelivered={refresh} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DeliveryDetail delivery={open} onClose={() => setOpen(null)} />
    </section>
  );
}

function DeliveryRow({ delivery: d, onOpen, onRedelivered }: { delivery: DeliveryView; onOpen: () => void; onRedelivered: () => void }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const look = statusLook(d);
  const last = d.attempts.at(-1);
  const when = formatTime(d.createdAt);
  const redeliver = () =>
    startTransition(async () => {
      const result = await redeliverAction({ id: d.id });
      setError(result.ok ? undefined : result.error);
      onRedelivered();
    });
  return (
    <tr className="align-top">
      <td className="px-3 py-2 whitespace-nowrap text-zinc-700">{when}</td>
      <td className="px-3 py-2 font-mono text-xs text-zinc-800">{d.kind}</td>
      <td className="px-3 py-2">
        <Badge tone={look.tone}>{look.label}</Badge>
        {d.status !== "delivered" && d.lastError && <p className="mt-1 max-w-xs truncate text-xs text-zinc-600" title={d.lastError}>{d.lastError}</p>}
      </td>
      <td className="px-3 py-2 tabular-nums text-zinc-700">{d.lastStatus ?? "—"}</td>
      <td className="px-3 py-2 whitespace-nowrap tabular-nums text-zinc-700">{formatDuration(last?.durationMs)}</td>
      <td className="px-3 py-2 tabular-nums text-zinc-700">{d.attempts.length}</td>
      <td className="px-3 py-2">
        <div className="flex justify-end gap-1.5">
          <Button type="button" variant="ghost" className="h-7 px-2 text-xs" onClick={onOpen} aria-label={`Details of ${d.kind} delivery from ${when}`}>
            Details
          </Button>
          <Button type="button" variant="secondary" className="h-7 px-2 text-xs" pending={pending} onClick={redeliver} aria-label={`Redeliver ${d.kind} delivery from ${when}`}>
            Redeliver
          </Button>
        </div>
        {error && (
          <p role="alert" className="mt-1 text-right text-xs text-red-700">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
