"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyUrlField } from "@/components/ui/copy-button";
import { SaveNote } from "@/components/ui/save-note";
import { Switch } from "@/components/ui/switch";
import { type SaveMessage, useSave } from "@/components/ui/use-save";
import { unwrap } from "@/lib/api/unwrap";
import { ticketWords, type TicketProviderId } from "@/lib/integrations/registry";
import { saveSyncSettingsAction } from "@/lib/sync/actions";
import type { SyncPanelView } from "@/lib/sync/panel";
import { SyncTargetField } from "./SyncTargetField";

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
  const { sync, statusHook } = ticketWords(scope.provider);

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
      <SyncTargetField integrationId={view.integrationId} scope={scope} value={onResolve} onChange={setOnResolve} />
      {view.hookUrl && statusHook && (
        <CopyUrlField label={statusHook.label} hint={statusHook.hint} value={view.hookUrl} />
      )}
      <Button type="submit" variant="secondary" pending={saving}>
        Save sync settings
      </Button>
      <SaveNote message={message} />
    </form>
  );
}
