// A Jira project's workflow: statuses in the three status categories, and the transitions between
// them. Applying a transition writes the changelog the way Jira does, so REST answers and
// webhooks can show who moved a ticket, from where to where.
//
// Status categories are Jira's fixed set (GET /rest/api/3/statuscategory): id 2 `new` "To Do",
// id 4 `indeterminate` "In Progress", id 3 `done` "Done". The default workflow is the one a new
// Jira Cloud software project gets: To Do → In Progress → Done, every transition global (available
// from any status), named after its target, with ids 11/21/31. Moving to a Done status sets the
// resolution "Done"; moving out clears it, as that workflow's post functions do.

export type StatusCategoryKey = "new" | "indeterminate" | "done";
export interface JiraStatus {
  id: string;
  name: string;
  category: StatusCategoryKey;
}
export interface JiraTransition {
  id: string;
  name: string;
  to: string;
  from?: string[];
}
export interface JiraWorkflow {
  statuses: JiraStatus[];
  transitions: JiraTransition[];
}

/** Seeds name statuses, not ids: `{ statuses: [{ name: "Open", category: "new" }], transitions: [{ id: "5", name: "Close", to: "Closed", from: ["Open"] }] }`. */
export interface WorkflowSeed {
  statuses: { id?: string; name: string; category: StatusCategoryKey }[];
  transitions?: { id: string; name: string; to: string; from?: string[] }[];
}

export interface JiraChangeItem {
  field: string;
  fieldtype: "jira";
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}
/** One entry of an issue's changelog; `via` says whether it came through the REST API or a person in Jira. */
export interface JiraHistory {
  id: string;
  authorId: string;
  created: string;
  items: JiraChangeItem[];
  via: "api" | "user";
}

const CATEGORIES: Record<StatusCategoryKey, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: "To Do", colorName: "blue-gray" },
  indeterminate: { id: 4, name: "In Progress", colorName: "yellow" },
  done: { id: 3, name: "Done", colorName: "green" },
};
export const DONE_RESOLUTION = { id: "10000", name: "Done", description: "Work has been completed on this issue." };

export function defaultWorkflow(): JiraWorkflow {
  return makeWorkflow({
    statuses: [
      { id: "10000", name: "To Do", category: "new" },
      { id: "3", name: "In Progress", category: "indeterminate" },
      { id: "10001", name: "Done", category: "done" },
    ],
    transitions: [
      { id: "11", name: "To Do", to: "To Do" },
      { id: "21", name: "In Progress", to: "In Progress" },
      { id: "31", name: "Done", to: "Done" },
    ],
  });
}

export function makeWorkflow(seed: WorkflowSeed): JiraWorkflow {
  const statuses = seed.statuses.map((s, i) => ({ id: s.id ?? String(10100 + i), name: s.name, category: s.category }));
  const idOf = (name: string) => {
    const s = statuses.find((x) => x.name === name);
    if (!s) throw new Error(`workflow seed: no status named ${name}`);
    return s.id;
  };
  const seeded: NonNullable<WorkflowSeed["transitions"]> =
    seed.transitions ?? statuses.map((s, i) => ({ id: String(11 + 10 * i), name: s.name, to: s.name }));
  const transitions = seeded.map((t) => ({
    id: t.id,
    name: t.name,
    to: idOf(t.to),
    ...(t.from ? { from: t.from.map(idOf) } : {}),
  }));
  return { statuses, transitions };
}

export function categoryJson(base: string, key: StatusCategoryKey): Record<string, unknown> {
  const c = CATEGORIES[key];
  return { self: `${base}/rest/api/3/statuscategory/${c.id}`, id: c.id, key, colorName: c.colorName, name: c.name };
}

export function statusJson(base: string, s: JiraStatus): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/status/${s.id}`,
    description: "",
    iconUrl: `${base}/images/icons/statuses/generic.png`,
    name: s.name,
    untranslatedName: s.name,
    id: s.id,
    statusCategory: categoryJson(base, s.category),
  };
}

/** Transitions available from a status: global ones and those listing it, except a global one back to itself. */
export function availableTransitions(workflow: JiraWorkflow, statusId: string): JiraTransition[] {
  return workflow.transitions.filter((t) => (t.from ? t.from.includes(statusId) : t.to !== statusId));
}

export function transitionJson(base: string, workflow: JiraWorkflow, t: JiraTransition): Record<string, unknown> {
  const to = workflow.statuses.find((s) => s.id === t.to)!;
  return {
    id: t.id,
    name: t.name,
    to: statusJson(base, to),
    hasScreen: false,
    isGlobal: !t.from,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  };
}

/** What a status change writes into an issue, and the changelog items Jira records for it. */
export function statusChange(
  workflow: JiraWorkflow,
  fromId: string,
  toId: string,
  resolved: boolean,
): { items: JiraChangeItem[]; resolved: boolean } {
  const from = workflow.statuses.find((s) => s.id === fromId)!;
  const to = workflow.statuses.find((s) => s.id === toId)!;
  const item = (
    field: string,
    a: { id: string; name: string } | null,
    b: { id: string; name: string } | null,
  ): JiraChangeItem => ({
    field,
    fieldtype: "jira",
    fieldId: field,
    from: a?.id ?? null,
    fromString: a?.name ?? null,
    to: b?.id ?? null,
    toString: b?.name ?? null,
  });
  const items = [item("status", from, to)];
  const nowResolved = to.category === "done";
  if (nowResolved && !resolved) items.unshift(item("resolution", null, DONE_RESOLUTION));
  if (!nowResolved && resolved) items.unshift(item("resolution", DONE_RESOLUTION, null));
  return { items, resolved: nowResolved };
}
