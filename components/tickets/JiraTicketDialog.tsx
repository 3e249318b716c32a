"use client";

import { useDeferredValue, useState, useTransition } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { IssueTicket, IssueView } from "@/lib/issues/queries";
import {
  createJiraTicketAction,
  jiraCreateScreenAction,
  jiraDraftAction,
  jiraIssueTypesAction,
  jiraProjectsAction,
} from "@/lib/tickets/actions";
import { AdfPreview } from "./AdfPreview";
import { DialogActions, ExistingTicket, LiveHint, SetupProblem, TicketDialog, useLive } from "./parts";

type Props = {
  issue: IssueView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (ticket: IssueTicket) => void;
};

/** "Create Jira ticket": project, issue type, summary, priority and labels, then the description. */
export function JiraTicketDialog({ issue, open, onOpenChange, onCreated }: Props) {
  const draft = useLive(["jira-draft", issue.id], () => jiraDraftAction({ issueId: issue.id }), open);
  return (
    <TicketDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create Jira ticket"
      description={`${issue.detectorName} in ${issue.assetName ?? issue.assetId}`}
    >
      {draft.isPending ? (
        <p role="status" className="text-sm text-zinc-600">
          Connecting to Jira…
        </p>
      ) : draft.isError ? (
        <SetupProblem message={draft.error.message} onRetry={() => draft.refetch()} retrying={draft.isFetching} />
      ) : draft.data.existing ? (
        <ExistingTicket
          label="This issue already has a Jira ticket:"
          href={draft.data.existing.url}
          text={draft.data.existing.key}
        />
      ) : (
        <JiraTicketForm issue={issue} draft={draft.data} onCreated={onCreated} />
      )}
    </TicketDialog>
  );
}

type Draft = { summary: string; labels: string[]; description: unknown };

function JiraTicketForm({
  issue,
  draft,
  onCreated,
}: {
  issue: IssueView;
  draft: Draft;
  onCreated: Props["onCreated"];
}) {
  const issueId = issue.id;
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim());
  const [chosenProject, setChosenProject] = useState("");
  const [chosenType, setChosenType] = useState("");
  const [chosenPriority, setChosenPriority] = useState<string>();
  const [summary, setSummary] = useState(draft.summary);
  const [labels, setLabels] = useState(draft.labels.join(" "));
  const [errors, setErrors] = useState<{ message: string; fields: FieldErrors }>();
  const [pending, startTransition] = useTransition();

  const projects = useLive(["jira-projects", issueId, query], () => jiraProjectsAction({ issueId, query }));
  const projectList = projects.data ?? [];
  // The first match is preselected so the common case is one click; a choice sticks while it is listed.
  const projectKey = projectList.some((p) => p.key === chosenProject) ? chosenProject : (projectList[0]?.key ?? "");
  const types = useLive(
    ["jira-types", issueId, projectKey],
    () => jiraIssueTypesAction({ issueId, projectKey }),
    !!projectKey,
  );
  const typeList = types.data ?? [];
  const issueTypeId = typeList.some((t) => t.id === chosenType) ? chosenType : (typeList[0]?.id ?? "");
  const screen = useLive(
    ["jira-screen", issueId, projectKey, issueTypeId],
    () => jiraCreateScreenAction({ issueId, projectKey, issueTypeId }),
    !!projectKey && !!issueTypeId,
  );
  const priorities = screen.data?.priorities ?? null;
  const priorityId =
    chosenPriority !== undefined && (chosenPriority === "" || priorities?.some((p) => p.id === chosenPriority))
      ? chosenPriority
      : (screen.data?.suggestedPriorityId ?? "");
  const unfillable = screen.data?.unfillable ?? [];

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
  const nameOf = (fieldId: string) => unfillable.find((f) => f.fieldId === fieldId)?.name ?? fieldId;

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
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Search projects" hint="Type part of a project's key or name">
          {({ id, describedBy }) => (
            <Input
              id={id}
              type="search"
              aria-describedby={describedBy}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label="Project" error={fieldError("projectKey", "project")}>
          {({ id, describedBy }) => (
            <>
              <Select
                id={id}
                aria-describedby={describedBy}
                aria-busy={projects.isFetching || undefined}
                aria-invalid={!!fieldError("projectKey", "project")}
                value={projectKey}
                onChange={(e) => setChosenProject(e.target.value)}
              >
                {projectList.length === 0 && (
                  <option value="">{projects.isPending ? "Loading projects…" : "No matching projects"}</option>
                )}
                {projectList.map((p) => (
                  <option key={p.id} value={p.key}>
                    {p.name} ({p.key})
                  </option>
                ))}
              </Select>
              <LiveHint id={`${id}-live`} live={projects} loading="Loading projects from Jira…" what="projects" />
            </>
          )}
        </Field>
        <Field label="Issue type" error={fieldError("issueTypeId", "issuetype")}>
          {({ id, describedBy }) => (
            <>
              <Select
                id={id}
                aria-describedby={describedBy}
                aria-busy={types.isFetching || undefined}
                disabled={!projectKey}
                value={issueTypeId}
                onChange={(e) => setChosenType(e.target.value)}
              >
                {typeList.length === 0 && (
                  <option value="">{types.isFetching ? "Loading issue types…" : "Choose a project first"}</option>
                )}
                {typeList.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
              {projectKey && (
                <LiveHint id={`${id}-live`} live={types} loading="Loading issue types…" what="issue types" />
              )}
            </>
          )}
        </Field>
        <Field
          label="Priority"
          error={fieldError("priority", "priorityId")}
          hint={
            priorities
              ? "Preset from the issue's severity"
              : screen.isFetching
                ? undefined
                : "This project's tickets have no priority"
          }
        >
          {({ id, describedBy }) => (
            <>
              <Select
                id={id}
                aria-describedby={describedBy}
                disabled={!priorities}
                value={priorityId}
                onChange={(e) => setChosenPriority(e.target.value)}
              >
                <option value="">No priority</option>
                {(priorities ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
              {issueTypeId && (
                <LiveHint
                  id={`${id}-live`}
                  live={screen}
                  loading="Loading the create screen…"
                  what="the issue type's fields"
                />
              )}
            </>
          )}
        </Field>
      </div>
      <Field label="Summary" error={fieldError("summary")}>
        {({ id, describedBy }) => (
          <Input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={!!fieldError("summary")}
            maxLength={255}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        )}
      </Field>
      <Field label="Labels" error={fieldError("labels")} hint="Separate labels with spaces or commas">
        {({ id, describedBy }) => (
          <Input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={!!fieldError("labels")}
            value={labels}
            onChange={(e) => setLabels(e.target.value)}
          />
        )}
      </Field>
      {(unfillable.length > 0 || otherErrors.length > 0) && (
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
                {errors?.fields[fieldId] && (
                  <span className="font-medium text-red-800"> — Jira: {errors.fields[fieldId]}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
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
