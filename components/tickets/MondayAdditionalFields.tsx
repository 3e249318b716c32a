import { Field, Input } from "@/components/ui/field";
import type { IssueView } from "@/lib/issues/queries";
import { additionalFields } from "@/lib/tickets/draft";

/** The four values the item carries from the issue, shown but not editable. */
export function MondayAdditionalFields({ issue }: { issue: IssueView }) {
  const fields = additionalFields(issue);
  return (
    <fieldset className="rounded-md border border-zinc-200 p-3">
      <legend className="px-1 text-sm font-medium text-zinc-800">Additional fields (read-only)</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <ReadOnly label="Severity" value={fields.severity} />
        <ReadOnly label="Asset" value={fields.asset} />
        <ReadOnly label="Content" value={fields.content} mono />
        <ReadOnly label="First seen" value={fields.firstSeen} />
      </div>
    </fieldset>
  );
}

/**
 * A value people see but cannot change: it always comes from the issue, so the item matches it.
 * Still focusable and labelled, so a screen reader reaches it.
 */
function ReadOnly({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <Field label={label}>
      {({ id }) => (
        <Input id={id} readOnly value={value} className={mono ? "bg-zinc-50 font-mono text-xs" : "bg-zinc-50"} />
      )}
    </Field>
  );
}
