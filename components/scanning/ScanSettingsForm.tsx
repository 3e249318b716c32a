"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { useSave } from "@/components/ui/use-save";
import type { ScanSettingsView } from "@/lib/scanning/settings";
import { ScanWebhookUrl } from "./ScanWebhookUrl";

const splitKeys = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((k) => k.trim())
    .filter(Boolean);

type FormProps = {
  view: ScanSettingsView;
  unitName: string;
  hookHelp: string;
  save: (s: { allow: string[]; deny: string[]; redact: boolean; redactMessage: string }) => Promise<ScanSettingsView>;
  onSaved: (v: ScanSettingsView) => void;
  onMessage: (m: { tone: "status" | "alert"; text: string }) => void;
};

/** Where the vendor sends its events, which keys to scan, and whether to redact what is found. */
export function ScanSettingsForm({ view, unitName, hookHelp, save, onSaved, onMessage }: FormProps) {
  const [allow, setAllow] = useState(view.allow.join(", "));
  const [deny, setDeny] = useState(view.deny.join(", "));
  const [redact, setRedact] = useState(view.redact);
  const [redactMessage, setRedactMessage] = useState(view.redactMessage);
  const { saving, save: run } = useSave(onMessage);

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const saved = await save({ allow: splitKeys(allow), deny: splitKeys(deny), redact, redactMessage });
          // Show what the server keeps: keys upper-cased and without repeats, the message trimmed.
          setAllow(saved.allow.join(", "));
          setDeny(saved.deny.join(", "));
          setRedactMessage(saved.redactMessage);
          onSaved(saved);
          return "Scan settings saved";
        });
      }}
    >
      <ScanWebhookUrl path={view.webhookPath} hookHelp={hookHelp} />
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
