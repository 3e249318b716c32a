"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Inbox, RotateCw } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { listDeliveriesAction } from "@/lib/delivery/actions";
import type { DeliveryView } from "@/lib/delivery/queries";
import { DeliveryDetail } from "./DeliveryDetail";
import { DeliveryTable } from "./DeliveryTable";
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
        <DeliveryTable deliveries={list.data} onOpen={setOpen} onRedelivered={refresh} />
      )}
      <DeliveryDetail delivery={open} onClose={() => setOpen(null)} />
    </section>
  );
}
