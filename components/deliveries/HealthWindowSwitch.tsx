"use client";

import { HEALTH_WINDOWS, type HealthWindow } from "@/lib/delivery/health-schema";
import { cn } from "@/lib/cn";

const WINDOW_WORDS: Record<HealthWindow, string> = { "24h": "24 h", "7d": "7 d" };

/** The "Period" toggle of the delivery health chart: one pressed button per window. */
export function HealthWindowSwitch({
  window,
  onChange,
}: {
  window: HealthWindow;
  onChange: (w: HealthWindow) => void;
}) {
  return (
    <div role="group" aria-label="Period" className="inline-flex rounded-md border border-zinc-300 p-0.5">
      {HEALTH_WINDOWS.map((w) => (
        <button
          key={w}
          type="button"
          aria-pressed={window === w}
          onClick={() => onChange(w)}
          className={cn(
            "rounded px-2.5 py-1 text-xs font-medium text-zinc-700",
            window === w ? "bg-zinc-900 text-white" : "hover:bg-zinc-100",
          )}
        >
          {WINDOW_WORDS[w]}
        </button>
      ))}
    </div>
  );
}
