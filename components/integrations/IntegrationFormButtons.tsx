"use client";

import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { cn } from "@/lib/cn";
import type { LastTest, useIntegrationActions } from "./use-integration-actions";

/** Remove (with its confirmation), Test and Save, at the foot of the form. */
export function IntegrationFormButtons({
  name,
  configured,
  wide,
  actions: { onTest, onRemove, saving, testing, removing, confirmRemove, setConfirmRemove },
}: {
  name: string;
  configured: boolean;
  /** The form has an aside, so the buttons span both columns on wide screens. */
  wide: boolean;
  actions: ReturnType<typeof useIntegrationActions>;
}) {
  return (
    <div className={cn("flex flex-wrap items-center justify-end gap-2", wide && "lg:col-span-2")}>
      {configured && !confirmRemove && (
        <Button type="button" variant="ghost" className="mr-auto" onClick={() => setConfirmRemove(true)}>
          Remove
        </Button>
      )}
      {confirmRemove && (
        <div role="group" aria-label={`Remove ${name}?`} className="mr-auto flex flex-wrap items-center gap-2 text-sm">
          <span className="text-zinc-700">Remove these settings?</span>
          <Button type="button" variant="danger" pending={removing} onClick={onRemove}>
            Yes, remove
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirmRemove(false)}>
            Cancel
          </Button>
        </div>
      )}
      <Button type="button" variant="secondary" pending={testing} onClick={onTest}>
        Test
      </Button>
      <Button type="submit" pending={saving}>
        Save
      </Button>
    </div>
  );
}

/** The outcome of the last Test pressed here, kept until the settings are removed. */
export function LastTestLine({ lastTest }: { lastTest: LastTest }) {
  return (
    <p
      className={cn(
        "rounded-md px-3 py-2 text-sm",
        lastTest.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900",
      )}
    >
      <span className="font-medium">
        Last test, <Time iso={lastTest.at} />:
      </span>{" "}
      {lastTest.line}
    </p>
  );
}
