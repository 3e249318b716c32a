import type { FieldErrors } from "@/lib/errors";

/**
 * Fields the create screen requires but this dialog has no input for, and any field Jira refused
 * that the form does not show: the person learns what to ask a Jira administrator for.
 */
export function JiraUnfillable({
  unfillable,
  otherErrors,
  fieldErrors,
}: {
  unfillable: { fieldId: string; name: string }[];
  otherErrors: [string, string][];
  fieldErrors?: FieldErrors;
}) {
  const nameOf = (fieldId: string) => unfillable.find((f) => f.fieldId === fieldId)?.name ?? fieldId;
  if (unfillable.length === 0 && otherErrors.length === 0) return null;
  return (
    <section
      aria-labelledby="jira-required"
      className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <h3 id="jira-required" className="font-medium">
        Fields Jira requires that this dialog cannot fill
      </h3>
      <p className="mt-1 text-xs">Ask a Jira administrator to give them a default, or choose another issue type.</p>
      <ul className="mt-2 space-y-1">
        {[...new Set([...unfillable.map((f) => f.fieldId), ...otherErrors.map(([k]) => k)])].map((fieldId) => (
          <li key={fieldId}>
            <span className="font-medium">{nameOf(fieldId)}</span>
            {fieldErrors?.[fieldId] && (
              <span className="font-medium text-red-800"> — Jira: {fieldErrors[fieldId]}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
