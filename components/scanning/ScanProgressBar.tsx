import type { ScanCapability } from "@/lib/integrations/types";
import type { ScanProgress } from "@/lib/scanning/jobs";

/** How far the scan has come, as a bar and a line read out politely as it changes. */
export function ScanProgressBar({
  progress: p,
  percent,
  words,
}: {
  progress: ScanProgress;
  percent: number;
  words: ScanCapability["words"];
}) {
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label="Scan progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded bg-zinc-200"
      >
        <div className="h-full bg-accent-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p aria-live="polite" className={p.state === "failed" ? "text-xs text-red-700" : "text-xs text-zinc-600"}>
        {p.state === "failed"
          ? `Scan failed: ${p.error ?? "unknown error"}`
          : `${p.state === "done" ? "Done" : p.state === "cancelled" ? "Cancelled" : "Scanning"}: ${p.scanned} of ${p.total} ${words.items} scanned, ${p.found} secrets found${p.skipped ? `, ${p.skipped} ${words.units} of other teams skipped` : ""} (${percent} %)`}
      </p>
    </div>
  );
}
