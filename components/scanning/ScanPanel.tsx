"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { SaveNote } from "@/components/ui/save-note";
import type { SaveMessage } from "@/components/ui/use-save";
import type { ScanCapability } from "@/lib/integrations/types";
import { unwrap } from "@/lib/api/unwrap";
import { getScanSettingsAction, saveScanSettingsAction } from "@/lib/scanning/actions";
import { ScanControls } from "./ScanControls";
import { ScanSettingsForm } from "./ScanSettingsForm";

type Props = { integrationId: string; provider: string; words: ScanCapability["words"]; teamId: string | null };

/** Secret scanning for a provider that declares it: Scan now with progress, webhook URL, lists, redaction. */
export function ScanPanel({ integrationId, provider, words, teamId }: Props) {
  const scope = { provider, teamId };
  const client = useQueryClient();
  const unitName = words.units;
  const settings = useQuery({
    queryKey: ["scan-settings", integrationId],
    queryFn: () => unwrap(getScanSettingsAction(scope)),
  });
  const [message, setMessage] = useState<SaveMessage | null>(null);

  return (
    <section aria-labelledby={`scan-${integrationId}`} className="mt-4 space-y-4 rounded-md border border-zinc-200 p-4">
      <h3 id={`scan-${integrationId}`} className="text-sm font-semibold text-zinc-900">
        Secret scanning
      </h3>
      <ScanControls integrationId={integrationId} scope={scope} words={words} />
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
      <SaveNote message={message} />
    </section>
  );
}
