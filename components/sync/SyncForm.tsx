"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyUrlField } from "@/components/ui/copy-button";
import { Field, Select } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { ticketWords, type TicketProviderId } from "@/lib/integrations/registry";
import { saveSyncSettingsAction, syncTargetsAction } from "@/lib/sync/actions";
import type { SyncPanelView } from "@/lib/sync/panel";
import { unwrap } from "@/lib/api/unwrap";
import { type SaveMessage, useSave } from "@/components/ui/use-save";

type FormProps = {
  view: SyncPanelView;
  scope: { provider: TicketProviderId; teamId: string | null };
  onSaved: (v: SyncPanelView) => void;
};

/** Whether done resolves the issue, and where a resolved issue moves its ticket. */
export function SyncForm({ view, scope, onSaved }: FormProps) {
  const [resolveOnDone, setResolveOnDone] = useState(view.settings.resolveOnDone);
  const [onResolve, setOnResolve] = useState(view.settings.onResolve ?? "");
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const { saving, save } = useSave(setMessage);
  const targets = useQuery({
    queryKey: ["sync-targets", view.integrationId],
    queryFn: () => unwrap(syncTargetsAction(scope)),
    staleTime: 60_000,
  });
  const { tool, sync, statusHook } = ticketWords(scope.provider);
  const options = targets.data ?? [];
  // A stored choice the tool no longer lists stays selectable, so saving never drops it silently.
  const known = onResolve === "" || options.some((o) => o.value === onResolve);

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save(async () => {
          onSaved(
            await unwrap(saveSyncSettingsAction({ ...scope, sync: { resolveOnDone, onResolve: onResolve || null } })),
          );
          return "Sync settings saved";
        });
      }}
    >
      <Switch
        label="Resolve the issue when its ticket is done"
        description={sync.doneHint}
        checked={resolveOnDone}
        onCheckedChange={setResolveOnDone}
      />
      <Field
        label={sync.onResolveLabel}
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
      {view.hookUrl && statusHook && (
        <CopyUrlField label={statusHook.label} hint={statusHook.hint} value={view.hookUrl} />
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
