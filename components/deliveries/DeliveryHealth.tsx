"use client";

import { useQuery } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { deliveryHealthAction } from "@/lib/delivery/health-actions";
import { HEALTH_WINDOWS, type DeliveryHealth as Health, type HealthWindow } from "@/lib/delivery/health-schema";
import { cn } from "@/lib/cn";
import { formatDuration } from "./format";

// The chart library stays out of the page's first bundle; the figure keeps its size meanwhile.
const DeliveryHealthChart = dynamic(() => import("./DeliveryHealthChart").then((m) => m.DeliveryHealthChart), {
  ssr: false,
  loading: () => <div className="h-44 w-full animate-pulse rounded bg-zinc-50" />,
});

const WINDOW_WORDS: Record<HealthWindow, string> = { "24h": "24 h", "7d": "7 d" };
const WINDOW_SENTENCE: Record<HealthWindow, string> = { "24h": "the last 24 hours", "7d": "the last 7 days" };

/** "Delivery health": deliveries per hour (delivered, failed) and p95 time, live, from hourly aggregates. */
export function DeliveryHealth({ integrationId, name }: { integrationId: string; name: string }) {
  const headingId = useId();
  const captionId = useId();
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
  const data = query.data;
  const caption = `${name}: deliveries per hour over ${WINDOW_SENTENCE[window]}, delivered and failed, with the p95 delivery time`;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-zinc-900">
          Delivery health
        </h3>
        <div role="group" aria-label="Period" className="inline-flex rounded-md border border-zinc-300 p-0.5">
          {HEALTH_WINDOWS.map((w) => (
            <button
              key={w}
              type="button"
              aria-pressed={window === w}
              onClick={() => setWindow(w)}
              className={cn(
                "rounded px-2.5 py-1 text-xs font-medium text-zinc-700",
                window === w ? "bg-zinc-900 text-white" : "hover:bg-zinc-100",
              )}
            >
              {WINDOW_WORDS[w]}
            </button>
          ))}
        </div>
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
        <figure aria-labelledby={captionId} aria-busy={query.isPending || undefined} className="space-y-2">
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <Stat label="Delivered" value={data ? String(data.delivered) : "…"} tone="text-emerald-700" />
            <Stat
              label="Failed"
              value={data ? String(data.failed) : "…"}
              tone={data?.failed ? "text-red-700" : "text-zinc-900"}
            />
            <Stat
              label="p95 time"
              value={data ? (data.p95Ms === null ? "—" : formatDuration(data.p95Ms)) : "…"}
              tone="text-zinc-900"
            />
          </dl>
          {data && data.delivered + data.failed === 0 ? (
            <p className="rounded-md bg-zinc-50 px-3 py-6 text-center text-sm text-zinc-500">
              Nothing sent in {WINDOW_SENTENCE[window]}.
            </p>
          ) : (
            data && <DeliveryHealthChart hours={data.hours} window={window} />
          )}
          <figcaption id={captionId} className="text-xs text-zinc-500">
            {caption}.{" "}
            <span aria-hidden className="inline-flex items-center gap-1">
              <span className="inline-block size-2 rounded-sm bg-emerald-500" /> delivered{" "}
              <span className="inline-block size-2 rounded-sm bg-red-500" /> failed{" "}
              <span className="inline-block h-0.5 w-3 bg-zinc-600" /> p95
            </span>
          </figcaption>
        </figure>
      )}
    </section>
  );
}

function Stat({ label, value, tone }: { label: string; value: string; tone: string }) {
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={cn("font-semibold tabular-nums", tone)}>{value}</dd>
    </div>
  );
}
