"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ScanCapability } from "@/lib/integrations/types";
import { unwrap } from "@/lib/api/unwrap";
import {
  cancelScanAction,
  getScanSettingsAction,
  saveScanSettingsAction,
  scanProgressAction,
  startScanAction,
} from "@/lib/scanning/actions";
import type { ScanProgress } from "@/lib/scanning/jobs";
import { ScanProgressBar } from "./ScanProgressBar";
import { ScanSettingsForm } from "./ScanSettingsForm";

type Props = { integrationId: string; provider: string; words: ScanCapability["words"]; teamId: string | null };

/** Secret scanning for a Jira or Confluence integration: Scan now with progress, webhook URL, lists, redaction. */
export function ScanPanel({ integrationId, provider, words, teamId }: Props) {
  const scope = { provider, teamId };
  const client = useQueryClient();
  const unitName = words.units;
  const settings = useQuery({
    queryKey: ["scan-settings", integrationId],
    queryFn: () => unwrap(getScanSettingsAction(scope)),
  });
  const progress = useQuery({
    queryKey: ["scan-progress", integrationId],
    queryFn: () => unwrap(scanProgressAction(scope)),
    refetchInterval: (q) => (q.state.data && ["queued", "running"].includes(q.state.data.state) ? 1000 : false),
  });
  const [message, setMessage] = useState<{ tone: "status" | "alert"; text: string } | null>(null);
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
    <section aria-labelledby={`scan-${integrationId}`} className="mt-4 space-y-4 rounded-md border border-zinc-200 p-4">
      <h3 id={`scan-${integrationId}`} className="text-sm font-semibold text-zinc-900">
        Secret scanning
      </h3>
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
      {settings.data && (
        <ScanSettingsForm
          key={settings.data.webhookPath}
          view={settings.data}
          unitName={unitName}
          hookHelp={words.hookHelp}
          onSaved={(v) => client.setQueryData(["scan-settings", integrationId], v)}
          save={(s) => unwrap(saveScanSettingsAction({ ...scope, settings: s }))}
          onMessage={setMessage}
        />
      )}
      {message && (
        <p
          role={message.tone}
          className={message.tone === "alert" ? "text-sm text-red-700" : "text-sm text-emerald-700"}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
