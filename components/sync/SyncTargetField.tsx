"use client";

import { useQuery } from "@tanstack/react-query";
import { Field, Select, Options } from "@/components/ui/field";
import { unwrap } from "@/lib/api/unwrap";
import { ticketWords, type TicketProviderId } from "@/lib/integrations/registry";
import { syncTargetsAction } from "@/lib/sync/actions";

type Props = {
  integrationId: string;
  scope: { provider: TicketProviderId; teamId: string | null };
  value: string;
  onChange: (value: string) => void;
};

/** Where a resolved issue moves its ticket: the transitions or status labels the tool lists, read live. */
export function SyncTargetField({ integrationId, scope, value, onChange }: Props) {
  const targets = useQuery({
    queryKey: ["sync-targets", integrationId],
    queryFn: () => unwrap(syncTargetsAction(scope)),
    staleTime: 60_000,
  });
  const { tool, sync } = ticketWords(scope.provider);
  const options = targets.data ?? [];
  // A stored choice the tool no longer lists stays selectable, so saving never drops it silently.
  const known = value === "" || options.some((o) => o.value === value);
  return (
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
        <Select id={id} aria-describedby={describedBy} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Don&apos;t move it (comment only)</option>
          {!known && <option value={value}>{value} (saved)</option>}
          <Options options={options} />
        </Select>
      )}
    </Field>
  );
}
