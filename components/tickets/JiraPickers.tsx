"use client";

import { Field, Input, Select } from "@/components/ui/field";
import { JiraPriorityField } from "./JiraPriorityField";
import { LiveHint } from "./live";
import type { useJiraChoices } from "./use-jira-choices";

/** Search, Project, Issue type and Priority: each list loads once the choice before it is made. */
export function JiraPickers({
  choices,
  fieldError,
}: {
  choices: ReturnType<typeof useJiraChoices>;
  fieldError: (...keys: string[]) => string | undefined;
}) {
  const {
    search,
    setSearch,
    projects,
    projectList,
    projectKey,
    setChosenProject,
    types,
    typeList,
    issueTypeId,
    setChosenType,
  } = choices;
  return (
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
      <JiraPriorityField choices={choices} error={fieldError("priority", "priorityId")} />
    </div>
  );
}
