"use client";

import { useState, useTransition } from "react";
import { TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { IssueView } from "@/lib/issues/queries";
import { createJiraTicketAction } from "@/lib/tickets/actions";
import { AdfPreview } from "./AdfPreview";
import { JiraPickers } from "./JiraPickers";
import { JiraUnfillable } from "./JiraUnfillable";
import { DialogActions, type TicketDialogProps } from "./TicketDialog";
import { useJiraChoices } from "./use-jira-choices";

type Draft = { summary: string; labels: string[]; description: unknown };

/** The ticket's fields, prefilled from the issue, and the create button. */
export function JiraTicketForm({
  issue,
  draft,
  onCreated,
}: {
  issue: IssueView;
  draft: Draft;
  onCreated: TicketDialogProps["onCreated"];
}) {
  const issueId = issue.id;
  const [summary, setSummary] = useState(draft.summary);
  const [labels, setLabels] = useState(draft.labels.join(" "));
  const [errors, setErrors] = useState<{ message: string; fields: FieldErrors }>();
  const [pending, startTransition] = useTransition();
  const choices = useJiraChoices(issueId);
  const { projectKey, issueTypeId, priorities, priorityId, unfillable } = choices;

  const fieldError = (...keys: string[]) => keys.map((k) => errors?.fields[k]).find(Boolean);
  const known = new Set([
    "projectKey",
    "project",
    "issueTypeId",
    "issuetype",
    "summary",
    "labels",
    "priority",
    "priorityId",
  ]);
  const otherErrors = Object.entries(errors?.fields ?? {}).filter(([k]) => !known.has(k));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await createJiraTicketAction({
        issueId,
        projectKey,
        issueTypeId,
        summary,
        labels: labels.split(/[\s,]+/).filter(Boolean),
        priorityId: priorities ? priorityId : "",
      });
      if (result.ok) onCreated({ provider: "jira", ...result.data });
      else setErrors({ message: result.error, fields: result.fields ?? {} });
    });
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <JiraPickers choices={choices} fieldError={fieldError} />
      <TextField label="Summary" error={fieldError("summary")} maxLength={255} value={summary} onChange={setSummary} />
      <TextField
        label="Labels"
        error={fieldError("labels")}
        hint="Separate labels with spaces or commas"
        value={labels}
        onChange={setLabels}
      />
      <JiraUnfillable unfillable={unfillable} otherErrors={otherErrors} fieldErrors={errors?.fields} />
      <details className="rounded-md border border-zinc-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-zinc-800">Description preview</summary>
        <div className="mt-2">
          <AdfPreview doc={draft.description} />
        </div>
      </details>
      {errors && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errors.message}
        </p>
      )}
      <DialogActions submit="Create ticket" pending={pending} disabled={!projectKey || !issueTypeId} />
    </form>
  );
}
