// A Jira site's data (users, projects, issues) and what happens in it outside our REST calls: a
// person moving or deleting a ticket, and the webhooks Jira then sends. The REST server on top of
// it is jira.ts.
import { randomUUID } from "node:crypto";
import { FakeServer } from "./http";
import type { JiraComment, JiraIssue, JiraProject, JiraUser } from "./jira-model";
import { moveIssue, transitionTo } from "./jira-transitions";
import { deliverJiraWebhook, issueWebhookBody, type JiraWebhookBody, type JiraWebhookEvent } from "./jira-webhooks";
import type { JiraHistory } from "./jira-workflow";
import type { WebhookDelivery } from "./webhook-delivery";

/** One change to an issue: who made it, and whether through the REST API (`api`) or in Jira by a person (`user`). */
export interface JiraChange {
  key: string;
  kind: "create" | "edit" | "transition" | "comment" | "delete";
  by: string;
  via: "api" | "user";
  at: string;
  history?: JiraHistory;
  commentId?: string;
}

type Actor = { by?: string | JiraUser };

export abstract class JiraSite extends FakeServer {
  readonly users: JiraUser[] = [];
  readonly projects: JiraProject[] = [];
  readonly issues: JiraIssue[] = [];
  /** Issues deleted through the API or `deleteIssue`, kept to build their `jira:issue_deleted` webhook. */
  readonly deleted: JiraIssue[] = [];
  /** Every change since the last reset, oldest first. */
  readonly changes: JiraChange[] = [];
  /** Webhooks sent with `deliverWebhook`, with the receiver's answers. */
  readonly deliveries: WebhookDelivery[] = [];
  /** Caps a search page below `maxResults` (Jira returns fewer when many fields are asked), to make paging visible. */
  searchPageLimit: number | undefined;
  private seq = 0;

  addUser(user: Partial<JiraUser> & { email: string; apiToken: string }): JiraUser {
    const u = {
      accountId: `5b10ac8d82e05b22cc7d4e${this.users.length}`,
      displayName: user.email.split("@")[0],
      ...user,
    };
    this.users.push(u);
    return u;
  }

  /** The person who acts in Jira when a helper is given no `by`: a user without API access of ours. */
  person(): JiraUser {
    return (
      this.users.find((u) => u.email === "dana.developer@example.com") ??
      this.addUser({ email: "dana.developer@example.com", apiToken: randomUUID(), displayName: "Dana Developer" })
    );
  }

  issue(keyOrId: string): JiraIssue | undefined {
    const k = keyOrId.toUpperCase();
    return this.issues.find((i) => i.key === k || i.id === keyOrId);
  }

  override reset(): void {
    super.reset();
    this.changes.length = 0;
    this.deliveries.length = 0;
  }

  /** A person moves `key` to the status named `toStatusName` in Jira, through a transition the workflow offers. */
  transition(key: string, toStatusName: string, options: Actor = {}): JiraHistory {
    const issue = this.mustFind(key);
    const project = this.project(issue.projectKey)!;
    const by = this.actor(options.by);
    const history = moveIssue(
      issue,
      project,
      transitionTo(issue, project, toStatusName),
      by.accountId,
      "user",
      String(this.nextId()),
    );
    this.record({ key: issue.key, kind: "transition", by: by.accountId, via: "user", history });
    return history;
  }

  /** A person deletes `key` in Jira: GET and search no longer find it. */
  deleteIssue(key: string, options: Actor = {}): JiraIssue {
    const issue = this.mustFind(key);
    this.removeIssue(issue, this.actor(options.by).accountId, "user");
    return issue;
  }

  /**
   * The body Jira POSTs for `event` on `key`. For `jira:issue_updated`, `changes` is the changelog
   * entry to report (default: the issue's latest); `user` is whoever made that change, so a change
   * made through the API comes back with the API account as `user`. `issue` is the issue as it is
   * now, so build the body right after the change it reports.
   */
  webhookPayload(event: JiraWebhookEvent, key: string, changes?: JiraHistory): JiraWebhookBody {
    const issue = this.issue(key) ?? [...this.deleted].reverse().find((i) => i.key === key.toUpperCase());
    if (!issue) throw new Error(`no issue ${key}`);
    const project = this.project(issue.projectKey)!;
    const kind = event === "jira:issue_deleted" ? "delete" : event === "jira:issue_created" ? "create" : undefined;
    const history = event === "jira:issue_updated" ? (changes ?? issue.history.at(-1)) : undefined;
    if (event === "jira:issue_updated" && !history) throw new Error(`${key} has no change to report`);
    const actorId =
      history?.authorId ?? [...this.changes].reverse().find((c) => c.key === issue.key && c.kind === kind)?.by;
    const actor = this.users.find((u) => u.accountId === actorId) ?? this.person();
    return issueWebhookBody(this.url, event, issue, project, this.users, actor, history);
  }

  /** POSTs a webhook body to a receiver as Jira does; with `secret`, signed in `X-Hub-Signature`. */
  async deliverWebhook(
    url: string,
    body: unknown,
    options: { secret?: string; timeoutMs?: number } = {},
  ): Promise<WebhookDelivery> {
    const delivery = await deliverJiraWebhook(url, body, options);
    this.deliveries.push(delivery);
    return delivery;
  }

  protected nextId(): number {
    return ++this.seq;
  }

  protected project(keyOrId: string): JiraProject | undefined {
    return this.projects.find((p) => p.key === keyOrId || p.id === keyOrId);
  }

  protected record(change: Omit<JiraChange, "at">): void {
    this.changes.push({ at: new Date().toISOString(), ...change });
  }

  protected createIssue(
    project: JiraProject,
    issueTypeId: string,
    fields: Record<string, unknown>,
    by: string,
    via: JiraChange["via"],
  ): JiraIssue {
    const n = [...this.issues, ...this.deleted].filter((i) => i.projectKey === project.key).length + 1;
    const now = new Date().toISOString();
    const issue: JiraIssue = {
      id: String(10000 + this.nextId()),
      key: `${project.key}-${n}`,
      projectKey: project.key,
      issueTypeId,
      fields: { ...fields },
      comments: [],
      created: now,
      updated: now,
      statusId: project.workflow.statuses[0].id,
      history: [],
    };
    delete issue.fields.project;
    delete issue.fields.issuetype;
    this.issues.push(issue);
    this.record({ key: issue.key, kind: "create", by, via });
    return issue;
  }

  protected comment(issue: JiraIssue, body: unknown, by: string, via: JiraChange["via"]): JiraComment {
    const now = new Date().toISOString();
    const c = { id: String(10000 + this.nextId()), body, authorId: by, created: now, updated: now };
    issue.comments.push(c);
    issue.updated = now;
    this.record({ key: issue.key, kind: "comment", by, via, commentId: c.id });
    return c;
  }

  protected removeIssue(issue: JiraIssue, by: string, via: JiraChange["via"]): void {
    this.issues.splice(this.issues.indexOf(issue), 1);
    this.deleted.push(issue);
    this.record({ key: issue.key, kind: "delete", by, via });
  }

  private mustFind(key: string): JiraIssue {
    const issue = this.issue(key);
    if (!issue) throw new Error(`no issue ${key}`);
    return issue;
  }

  private actor(by: string | JiraUser | undefined): JiraUser {
    if (by === undefined) return this.person();
    if (typeof by !== "string") return by;
    const u = this.users.find((x) => x.accountId === by || x.email === by);
    if (!u) throw new Error(`no Jira user ${by}; addUser first`);
    return u;
  }
}
