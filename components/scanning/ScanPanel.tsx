"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import type { ScanCapability } from "@/lib/integrations/types";
import type { ActionResult } from "@/lib/api/action";
import {
  cancelScanAction,
  getScanSettingsAction,
  saveScanSettingsAction,
  scanProgressAction,
  startScanAction,
} from "@/lib/scanning/actions";
import type { ScanProgress } from "@/lib/scanning/jobs";
import type { ScanSettingsView } from "@/lib/scanning/settings";

type Props = { integrationId: string; provider: string; words: ScanCapability["words"]; teamId: string | null };

const unwrap = async <T,>(p: Promise<ActionResult<T>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(r.error);
  return r.data;
};
const noSubscribe = () => () => {};
const splitKeys = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((k) => k.trim())
    .filter(Boolean);

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
      {p && p.state !== "idle" && (
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
      )}
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

type FormProps = {
  view: ScanSettingsView;
  unitName: string;
  hookHelp: string;
  save: (s: { allow: string[]; deny: string[]; redact: boolean; redactMessage: string }) => Promise<ScanSettingsView>;
  onSaved: (v: ScanSettingsView) => void;
  onMessage: (m: { tone: "status" | "alert"; text: string }) => void;
};

function ScanSettingsForm({ view, unitName, hookHelp, save, onSaved, onMessage }: FormProps) {
  const [allow, setAllow] = useState(view.allow.join(", "));
  const [deny, setDeny] = useState(view.deny.join(", "));
  const [redact, setRedact] = useState(view.redact);
  const [redactMessage, setRedactMessage] = useState(view.redactMessage);
  const [saving, setSaving] = useState(false);
  // The URL the vendor must call is on this server, whatever host name the admin reached it by.
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  const webhookUrl = `${origin}${view.webhookPath}`;

  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        try {
          const saved = await save({ allow: splitKeys(allow), deny: splitKeys(deny), redact, redactMessage });
          // Show what the server keeps: keys upper-cased and without repeats, the message trimmed.
          setAllow(saved.allow.join(", "));
          setDeny(saved.deny.join(", "));
          setRedactMessage(saved.redactMessage);
          onSaved(saved);
          onMessage({ tone: "status", text: "Scan settings saved" });
        } catch (error) {
          onMessage({ tone: "alert", text: error instanceof Error ? error.message : "Could not save" });
        } finally {
          setSaving(false);
        }
      }}
    >
      <Field label="Scan webhook URL" hint={`Register it in ${hookHelp}. It contains a secret.`}>
        {({ id, describedBy }) => (
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <Input
              id={id}
              aria-describedby={describedBy}
              readOnly
              value={webhookUrl}
              className="min-w-0 font-mono text-xs"
            />
            {/* The URL is long: on a phone it gets the whole width above the button; beside it, the input gives way. */}
            <div className="shrink-0 self-start whitespace-nowrap sm:self-auto">
              <CopyButton value={webhookUrl} label="Copy URL" />
            </div>
          </div>
        )}
      </Field>
      <Field label={`Allowed ${unitName}`} hint={`Keys separated by commas; empty scans all ${unitName}.`}>
        {({ id, describedBy }) => (
          <Input id={id} aria-describedby={describedBy} value={allow} onChange={(e) => setAllow(e.target.value)} />
        )}
      </Field>
      <Field label={`Denied ${unitName}`} hint="Never scanned, even when allowed.">
        {({ id, describedBy }) => (
          <Input id={id} aria-describedby={describedBy} value={deny} onChange={(e) => setDeny(e.target.value)} />
        )}
      </Field>
      <Switch
        label="Redact finding"
        description="Replace each secret found with the message below, through the vendor's API."
        checked={redact}
        onCheckedChange={setRedact}
      />
      <Field label="Redaction message">
        {({ id, describedBy }) => (
          <Input
            id={id}
            aria-describedby={describedBy}
            value={redactMessage}
            onChange={(e) => setRedactMessage(e.target.value)}
            disabled={!redact}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" pending={saving}>
        Save scan settings
      </Button>
    </form>
  );
}
