"use client";

import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input } from "@/components/ui/field";

const noSubscribe = () => () => {};

/** The URL to register in the vendor, read-only with a Copy button. */
export function ScanWebhookUrl({ path, hookHelp }: { path: string; hookHelp: string }) {
  // The URL the vendor must call is on this server, whatever host name the admin reached it by.
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  const webhookUrl = `${origin}${path}`;
  return (
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
  );
}
