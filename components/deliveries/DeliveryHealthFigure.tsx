"use client";

import dynamic from "next/dynamic";
import { useId } from "react";
import type { DeliveryHealth as Health, HealthWindow } from "@/lib/delivery/health-schema";
import { cn } from "@/lib/cn";
import { formatDuration } from "./format";

// The chart library stays out of the page's first bundle; the figure keeps its size meanwhile.
const DeliveryHealthChart = dynamic(() => import("./DeliveryHealthChart").then((m) => m.DeliveryHealthChart), {
  ssr: false,
  loading: () => <div className="h-44 w-full animate-pulse rounded bg-zinc-50" />,
});

const WINDOW_SENTENCE: Record<HealthWindow, string> = { "24h": "the last 24 hours", "7d": "the last 7 days" };

type Props = { name: string; window: HealthWindow; data: Health | undefined; pending: boolean };

/** The figure: delivered, failed and p95 as numbers, the hourly chart, and a caption that says what it plots. */
export function DeliveryHealthFigure({ name, window, data, pending }: Props) {
  const captionId = useId();
  const caption = `${name}: deliveries per hour over ${WINDOW_SENTENCE[window]}, delivered and failed, with the p95 delivery time`;
  return (
    <figure aria-labelledby={captionId} aria-busy={pending || undefined} className="space-y-2">
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
