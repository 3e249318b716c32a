"use client";

import { Field, Select } from "@/components/ui/field";
import { LiveHint } from "./live";
import type { useJiraChoices } from "./use-jira-choices";

/** Priority, preset from the issue's severity; disabled where the project's tickets have none. */
export function JiraPriorityField({
  choices: { screen, priorities, priorityId, setChosenPriority, issueTypeId },
  error,
}: {
  choices: ReturnType<typeof useJiraChoices>;
  error?: string;
}) {
  return (
    <Field
      label="Priority"
      error={error}
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
  );
}
