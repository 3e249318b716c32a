"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "./button";
import { Field, Input } from "./field";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      className="h-8"
      onClick={async () => {
        await navigator.clipboard?.writeText(value).catch(() => {});
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? <Check className="size-4 text-emerald-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </Button>
  );
}

/**
 * A read-only URL with a Copy button. The URL is long: on a phone it gets the whole width above the
 * button; beside it, the input gives way.
 */
export function CopyUrlField({ label, hint, value }: { label: string; hint: string; value: string }) {
  return (
    <Field label={label} hint={hint}>
      {({ id, describedBy }) => (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <Input id={id} aria-describedby={describedBy} readOnly value={value} className="min-w-0 font-mono text-xs" />
          <div className="shrink-0 self-start whitespace-nowrap sm:self-auto">
            <CopyButton value={value} label="Copy URL" />
          </div>
        </div>
      )}
    </Field>
  );
}
