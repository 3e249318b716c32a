"use client";

import { Field, Input, Select } from "@/components/ui/field";
import { JiraPriorityField } from "./JiraPriorityField";
import { LiveHint } from "./live";
import type { useJiraChoices } from "./use-jira-choices";

/** Search, Project, Issue type and Priority: each list loads once the choice before it is made. */
export function JiraPickers({
  choices: c,
  fieldError,
}: {
  choices: ReturnType<typeof useJiraChoices>;
  fieldError: (...keys: string[]) => string | undefined;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Search projects" hint="Type part of a project's key or name">
        {({ id, describedBy }) => (
          <Input
            id={id}
            type="search"
            aria-describedby={describedBy}
            value={c.search}
            onChange={(e) => c.setSearch(e.target.value)}
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
              aria-busy={c.projects.isFetching || undefined}
              aria-invalid={!!fieldError("projectKey", "project")}
              value={c.projectKey}
              onChange={(e) => c.setChosenProject(e.target.value)}
            >
              {c.projectList.length === 0 && (
                <option value="">{c.projects.isPending ? "Loading projects…" : "No matching projects"}</option>
              )}
              {c.projectList.map((p) => (
                <option key={p.id} value={p.key}>
                  {p.name} ({p.key})
                </option>
              ))}
            </Select>
            <LiveHint id={`${id}-live`} live={c.projects} loading="Loading projects from Jira…" what="projects" />
          </>
        )}
      </Field>
      <Field label="Issue type" error={fieldError("issueTypeId", "issuetype")}>
        {({ id, describedBy }) => (
          <>
            <Select
              id={id}
              aria-describedby={describedBy}
              aria-busy={c.types.isFetching || undefined}
              disabled={!c.projectKey}
              value={c.issueTypeId}
              onChange={(e) => c.setChosenType(e.target.value)}
            >
              {c.typeList.length === 0 && (
                <option value="">{c.types.isFetching ? "Loading issue types…" : "Choose a project first"}</option>
              )}
              {c.typeList.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
            {c.projectKey && (
              <LiveHint id={`${id}-live`} live={c.types} loading="Loading issue types…" what="issue types" />
            )}
          </>
        )}
      </Field>
      <JiraPriorityField choices={c} error={fieldError("priority", "priorityId")} />
    </div>
  );
}
