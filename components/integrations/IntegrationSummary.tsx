"use client";

import { ChevronDown } from "lucide-react";
import { Time } from "@/components/ui/time";
import type { DeliveryHealth } from "@/lib/delivery/health-schema";
import type { IntegrationView } from "@/lib/integrations/views";
import { cn } from "@/lib/cn";
import { HealthStrip } from "./HealthStrip";
import { StatusDetail, StatusPill } from "./StatusPill";

type Props = {
  view: IntegrationView;
  headingId: string;
  bodyId: string;
  open: boolean;
  onToggle: () => void;
  health?: DeliveryHealth;
  /** A line of the provider's own (monday.com's account), shown beside the destination. */
  note?: React.ReactNode;
};

/** The line a section opens with: logo, name, status in words, where it sends, its last 24 hours, Configure. */
export function IntegrationSummary({ view, headingId, bodyId, open, onToggle, health, note }: Props) {
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-4 py-2.5 sm:flex-nowrap sm:px-5">
      {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG from public/ */}
      <img src={`/integrations/${view.provider}.svg`} alt="" width={24} height={24} className="size-6 shrink-0" />
      <h2 id={headingId} className="min-w-0 flex-1 truncate text-sm font-semibold text-zinc-900 sm:w-36 sm:flex-none">
        {view.name}
      </h2>
      <div className="order-last flex min-w-0 basis-full flex-wrap items-center gap-x-2 gap-y-1 text-xs sm:order-none sm:basis-auto sm:flex-1 sm:flex-nowrap">
        <StatusPill status={view.status} />
        {/* The status's reason keeps its width (up to 16rem); the destination gives way first. */}
        <StatusDetail status={view.status} className="max-w-64 min-w-0 truncate sm:shrink-0" />
        {(view.destination || note) && (
          <span className="max-w-full min-w-0 truncate text-zinc-600">
            <span aria-hidden className="hidden text-zinc-300 sm:inline">
              ·{" "}
            </span>
            {note ?? (
              <>
                <span className="sr-only">sends to </span>
                <span className="font-mono text-zinc-700">{view.destination}</span>
              </>
            )}
          </span>
        )}
        {/* "Failing since" already says the last delivery failed. */}
        {health?.lastDeliveryAt && !(view.status.state === "failing" && !health.lastDeliveryOk) && (
          <span className={cn("whitespace-nowrap", health.lastDeliveryOk ? "text-zinc-600" : "text-red-800")}>
            <span aria-hidden className="hidden text-zinc-300 sm:inline">
              ·{" "}
            </span>
            {health.lastDeliveryOk ? "delivered" : "failed"} <Time iso={health.lastDeliveryAt} />
          </span>
        )}
      </div>
      <div className="ml-auto flex shrink-0 items-center gap-3">
        {health && view.configured && (
          <span className="hidden sm:block">
            <HealthStrip health={health} />
          </span>
        )}
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={onToggle}
          className="inline-flex h-8 items-center gap-1 rounded-md border border-zinc-300 bg-white px-2.5 text-xs font-medium text-zinc-800 hover:bg-zinc-50"
        >
          Configure
          <ChevronDown aria-hidden className={cn("size-3.5 transition-transform", open && "rotate-180")} />
        </button>
      </div>
    </header>
  );
}
