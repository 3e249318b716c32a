"use client";

import { useDeferredValue, useState } from "react";
import { jiraCreateScreenAction, jiraIssueTypesAction, jiraProjectsAction } from "@/lib/tickets/actions";
import { useLive } from "./live";

/**
 * The chained choices of a Jira ticket, each loaded live from the one before: projects matching the
 * search, the project's issue types, then the create screen's priorities and the fields it cannot fill.
 */
export function useJiraChoices(issueId: string) {
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim());
  const [chosenProject, setChosenProject] = useState("");
  const [chosenType, setChosenType] = useState("");
  const [chosenPriority, setChosenPriority] = useState<string>();

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

  return {
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
    screen,
    priorities,
    priorityId,
    setChosenPriority,
    unfillable,
  };
}
