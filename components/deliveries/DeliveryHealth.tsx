"use client";

import { useQuery } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { deliveryHealthAction } from "@/lib/delivery/health-actions";
import type { DeliveryHealth as Health, HealthWindow } from "@/lib/delivery/health-schema";
import { DeliveryHealthFigure } from "./DeliveryHealthFigure";
import { HealthWindowSwitch } from "./HealthWindowSwitch";

/** "Delivery health": deliveries per hour (delivered, failed) and p95 time, live, from hourly aggregates. */
export function DeliveryHealth({ integrationId, name }: { integrationId: string; name: string }) {
  const headingId = useId();
  const [window, setWindow] = useState<HealthWindow>("24h");
  const query = useQuery({
    queryKey: ["delivery-health", integrationId, window],
    queryFn: async (): Promise<Health> => {
      const result = await deliveryHealthAction({ integrationId, window });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    refetchInterval: 30_000,
  });
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-zinc-900">
          Delivery health
        </h3>
        <HealthWindowSwitch window={window} onChange={setWindow} />
      </div>
      {query.isError ? (
        <div role="alert" className="flex items-center gap-2 text-sm text-red-700">
          Could not load the delivery health: {query.error.message}
          <Button
            type="button"
            variant="secondary"
            className="h-7 px-2 text-xs"
            onClick={() => query.refetch()}
            pending={query.isFetching}
          >
            <RotateCw className="size-3.5" aria-hidden /> Retry
          </Button>
        </div>
      ) : (
        <DeliveryHealthFigure name={name} window={window} data={query.data} pending={query.isPending} />
      )}
    </section>
  );
}
