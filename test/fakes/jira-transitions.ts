// Moving an issue through its project's workflow: `GET|POST /rest/api/3/issue/{key}/transitions`,
// `GET /rest/api/3/project/{key}/statuses`, and the same move made by a person in Jira (a test
// helper). Both write the issue's changelog with who moved it.
import { adfErrors } from "./adf";
import { isObject, type FakeResponse } from "./http";
import type { JiraIssue, JiraProject } from "./jira-model";
import { availableTransitions, statusChange, statusJson, transitionJson, type JiraHistory } from "./jira-workflow";

/**
 * Problems with a transition request itself (recorded as violations). Jira answers a missing or
 * non-numeric id with "'transition' identifier must be an integer". Only `update.comment` is
 * accepted besides the transition: the default workflow has no transition screens.
 */
export function transitionRequestErrors(body: unknown): string[] {
  const b = isObject(body) ? body : {};
  const t = isObject(b.transition) ? b.transition : {};
  const errors: string[] = [];
  if (typeof t.id !== "string" || !/^\d+$/.test(t.id)) errors.push("'transition' identifier must be an integer");
  if (isObject(b.update)) {
    for (const [field, ops] of Object.entries(b.update)) {
      if (field !== "comment") continue;
      for (const op of Array.isArray(ops) ? ops : []) {
        const add = isObject(op) && isObject(op.add) ? op.add : undefined;
        if (!add) errors.push("update.comment: only [{ add: { body } }] is supported");
        else errors.push(...adfErrors(add.body, "update.comment.add.body"));
      }
    }
  }
  return errors;
}

/** Fields the request sets that no transition screen has: Jira's field errors (configuration, not a request bug). */
export function transitionScreenErrors(body: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  const fields = isObject(body.fields) ? Object.keys(body.fields) : [];
  const updates = isObject(body.update) ? Object.keys(body.update).filter((f) => f !== "comment") : [];
  for (const id of [...fields, ...updates])
    errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
  return errors;
}

export function transitionsAnswer(
  base: string,
  issue: JiraIssue,
  project: JiraProject,
  query: URLSearchParams,
): FakeResponse {
  const only = query.get("transitionId");
  const list = availableTransitions(project.workflow, issue.statusId).filter((t) => !only || t.id === only);
  return {
    status: 200,
    body: { expand: "transitions", transitions: list.map((t) => transitionJson(base, project.workflow, t)) },
  };
}

export function projectStatusesAnswer(base: string, project: JiraProject): FakeResponse {
  const statuses = project.workflow.statuses.map((s) => statusJson(base, s));
  return {
    status: 200,
    body: project.issueTypes.map((t) => ({
      self: `${base}/rest/api/3/issueType/${t.id}`,
      id: t.id,
      name: t.name,
      subtask: t.subtask ?? false,
      statuses,
    })),
  };
}

/** Moves `issue` to `toStatusId`, writing the changelog entry Jira writes. */
export function moveIssue(
  issue: JiraIssue,
  project: JiraProject,
  toStatusId: string,
  authorId: string,
  via: JiraHistory["via"],
  historyId: string,
): JiraHistory {
  const change = statusChange(project.workflow, issue.statusId, toStatusId, issue.resolutiondate !== undefined);
  const now = new Date(Math.max(Date.now(), Date.parse(issue.updated) + 1)).toISOString();
  issue.statusId = toStatusId;
  issue.resolutiondate = change.resolved ? (issue.resolutiondate ?? now) : undefined;
  issue.updated = now;
  const history: JiraHistory = { id: historyId, authorId, created: now, items: change.items, via };
  issue.history.push(history);
  return history;
}

/** The transition a person would pick in Jira to reach the status named `toStatusName`. */
export function transitionTo(issue: JiraIssue, project: JiraProject, toStatusName: string): string {
  const target = project.workflow.statuses.find((s) => s.name.toLowerCase() === toStatusName.toLowerCase());
  if (!target)
    throw new Error(
      `${project.key} has no status "${toStatusName}" (it has ${project.workflow.statuses.map((s) => s.name).join(", ")})`,
    );
  const t = availableTransitions(project.workflow, issue.statusId).find((x) => x.to === target.id);
  if (!t) throw new Error(`${issue.key} cannot move to "${toStatusName}" from its current status`);
  return t.to;
}
