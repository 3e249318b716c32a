"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { unwrap } from "@/lib/api/unwrap";
import type { ScanCapability } from "@/lib/integrations/types";
import { cancelScanAction, scanProgressAction, startScanAction } from "@/lib/scanning/actions";
import type { ScanProgress } from "@/lib/scanning/jobs";
import { ScanProgressBar } from "./ScanProgressBar";

type Props = {
  integrationId: string;
  scope: { provider: string; teamId: string | null };
  words: ScanCapability["words"];
};

/** Scan now and Cancel scan, with the running scan's progress read every second. */
export function ScanControls({ integrationId, scope, words }: Props) {
  const client = useQueryClient();
  const progress = useQuery({
    queryKey: ["scan-progress", integrationId],
    queryFn: () => unwrap(scanProgressAction(scope)),
    refetchInterval: (q) => (q.state.data && ["queued", "running"].includes(q.state.data.state) ? 1000 : false),
  });
  // Scan now / Cancel errors sit by their buttons, not below the settings form (off screen on a phone).
  const [scanError, setScanError] = useState<string | null>(null);
  const setProgress = (p: ScanProgress) => client.setQueryData(["scan-progress", integrationId], p);

  const run = async (action: () => Promise<ScanProgress>) => {
    try {
      setProgress(await action());
      setScanError(null);
    } catch (error) {
      setScanError(error instanceof Error ? error.message : "Could not reach the server");
    }
  };

  const p = progress.data;
  const active = p && (p.state === "queued" || p.state === "running");
  const percent =
    p && p.total > 0 ? Math.min(100, Math.round((p.scanned / p.total) * 100)) : p?.state === "done" ? 100 : 0;

  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          pending={active}
          disabled={active}
          onClick={() => run(() => unwrap(startScanAction(scope)))}
        >
          Scan now
        </Button>
        {active && (
          <Button type="button" variant="secondary" onClick={() => run(() => unwrap(cancelScanAction(scope)))}>
            Cancel scan
          </Button>
        )}
      </div>
      {scanError && (
        <p role="alert" className="text-sm text-red-700">
          {scanError}
        </p>
      )}
      {p && p.state !== "idle" && <ScanProgressBar progress={p} percent={percent} words={words} />}
    </>
  );
}
