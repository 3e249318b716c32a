"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input, Select } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { Time } from "@/components/ui/time";
import type { ActionResult } from "@/lib/api/action";
import { saveSyncSettingsAction, syncPanelAction, syncTargetsAction } from "@/lib/sync/actions";
import type { SyncPanelView } from "@/lib/sync/panel";

type Props = { integrationId: string; provider: "jira" | "monday"; teamId: string | null };

const unwrap = async <T,>(p: Promise<ActionResult<T>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(r.error);
  return r.data;
};

/** Ticket sync (issue 16) in a Jira or monday section: its settings, receiver and last reconciliation. */
export function SyncPanel({ integrationId, provider, teamId }: Props) {
  const scope = { provider, teamId };
  const client = useQueryClient();
  const panel = useQuery({
    queryKey: ["sync-panel", integrationId],
    queryFn: () => unwrap(syncPanelAction(scope)),
    refetchInterval: 30_000,
  });
  const heading = `sync-${integrationId}`;
  return (
    <section aria-labelledby={heading} className="mt-4 space-y-3 rounded-md border border-zinc-200 p-4">
      <h3 id={heading} className="text-sm font-semibold text-zinc-900">
        Ticket sync
      </h3>
      <p className="text-sm text-zinc-600">
        {provider === "jira" ? "Jira tickets" : "monday items"} made from issues stay in step with them: done in{" "}
        {provider === "jira" ? "Jira" : "monday"} resolves the issue, and an issue that resolves or reopens is written
        back.
      </p>
      {panel.isPending && <p className="text-sm text-zinc-500">Loading sync settings…</p>}
      {panel.isError && (
        <p role="alert" className="text-sm text-red-700">
          Could not load sync settings: {panel.error.message}
        </p>
      )}
      {panel.data && <LastRun view={panel.data} provider={provider} />}
      {panel.data && (
        <SyncForm
          key={panel.data.integrationId}
          view={panel.data}
          scope={scope}
          onSaved={(v) => client.setQueryData(["sync-panel", integrationId], v)}
        />
      )}
    </section>
  );
}

function LastRun({ view, provider }: { view: SyncPanelView; provider: "jira" | "monday" }) {
  const last = view.last;
  const noun = (n: number) => `${n} ${provider === "jira" ? "ticket" : "item"}${n === 1 ? "" : "s"}`;
  return (
    <div className="space-y-1 text-sm" aria-live="polite">
      <p className="text-zinc-700">
        {noun(view.linked).replace(/^(\d+) /, "$1 linked ")}
        {provider === "monday"
          ? ` · ${view.subscribedBoards} ${view.subscribedBoards === 1 ? "board" : "boards"} subscribed to status changes`
          : ""}
      </p>
      {!last?.finishedAt ? (
        <p className="text-zinc-600">Not reconciled yet.</p>
      ) : last.error ? (
        <p role="alert" className="text-red-700">
          Last reconciliation failed <Time iso={last.finishedAt} />: {last.error}
        </p>
      ) : (
        <p className="text-zinc-600">
          Last reconciliation <Time iso={last.finishedAt} />: {noun(last.checked)} checked, {last.changed}{" "}
          {last.changed === 1 ? "issue" : "issues"} changed
          {last.unlinked ? `, ${noun(last.unlinked)} deleted in the tool unlinked` : ""}.
        </p>
      )}
    </div>
  );
}

type FormProps = {
  view: SyncPanelView;
  scope: { provider: "jira" | "monday"; teamId: string | null };
  onSaved: (v: SyncPanelView) => void;
};

function SyncForm({ view, scope, onSaved }: FormProps) {
  const [resolveOnDone, setResolveOnDone] = useState(view.settings.resolveOnDone);
  const [onResolve, setOnResolve] = useState(view.settings.onResolve ?? "");
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: "status" | "alert"; text: string } | null>(null);
  const targets = useQuery({
    queryKey: ["sync-targets", view.integrationId],
    queryFn: () => unwrap(syncTargetsAction(scope)),
    staleTime: 60_000,
  });
  const tool = scope.provider === "jira" ? "Jira" : "monday";
  const options = targets.data ?? [];
  // A stored choice the tool no longer lists stays selectable, so saving never drops it silently.
  const known = onResolve === "" || options.some((o) => o.value === onResolve);

  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        try {
          onSaved(
            await unwrap(saveSyncSettingsAction({ ...scope, sync: { resolveOnDone, onResolve: onResolve || null } })),
          );
          setMessage({ tone: "status", text: "Sync settings saved" });
        } catch (error) {
          setMessage({ tone: "alert", text: error instanceof Error ? error.message : "Could not save" });
        } finally {
          setSaving(false);
        }
      }}
    >
      <Switch
        label="Resolve the issue when its ticket is done"
        description={
          scope.provider === "jira"
            ? "A status in Jira's Done category."
            : "The label the board's status column marks as done."
        }
        checked={resolveOnDone}
        onCheckedChange={setResolveOnDone}
      />
      <Field
        label={
          scope.provider === "jira"
            ? "When an issue resolves, move its ticket with"
            : "When an issue resolves, set its item's status to"
        }
        hint={
          targets.isError
            ? `Could not list them from ${tool}: ${targets.error.message}`
            : targets.isPending
              ? `Listing them from ${tool}…`
              : `Listed live from ${tool}. The ticket always gets a comment; reopening moves it back.`
        }
      >
        {({ id, describedBy }) => (
          <Select
            id={id}
            aria-describedby={describedBy}
            value={onResolve}
            onChange={(e) => setOnResolve(e.target.value)}
          >
            <option value="">Don&apos;t move it (comment only)</option>
            {!known && <option value={onResolve}>{onResolve} (saved)</option>}
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {view.hookUrl && scope.provider === "monday" && (
        <Field
          label="monday webhook URL"
          hint="Subscribed automatically for each board with linked items. It contains a secret."
        >
          {({ id, describedBy }) => (
            <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
              <Input
                id={id}
                aria-describedby={describedBy}
                readOnly
                value={view.hookUrl ?? ""}
                className="min-w-0 font-mono text-xs"
              />
              <div className="shrink-0 self-start whitespace-nowrap sm:self-auto">
                <CopyButton value={view.hookUrl ?? ""} label="Copy URL" />
              </div>
            </div>
          )}
        </Field>
      )}
      <Button type="submit" variant="secondary" pending={saving}>
        Save sync settings
      </Button>
      {message && (
        <p
          role={message.tone}
          className={message.tone === "alert" ? "text-sm text-red-700" : "text-sm text-emerald-700"}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
