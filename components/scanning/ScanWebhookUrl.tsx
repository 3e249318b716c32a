"use client";

import { useSyncExternalStore } from "react";
import { CopyUrlField } from "@/components/ui/copy-button";

const noSubscribe = () => () => {};

/** The URL to register in the vendor, read-only with a Copy button. */
export function ScanWebhookUrl({ path, hookHelp }: { path: string; hookHelp: string }) {
  // The URL the vendor must call is on this server, whatever host name the admin reached it by.
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  return (
    <CopyUrlField
      label="Scan webhook URL"
      hint={`Register it in ${hookHelp}. It contains a secret.`}
      value={`${origin}${path}`}
    />
  );
}
