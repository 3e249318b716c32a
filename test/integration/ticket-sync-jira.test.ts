// Ticket sync with Jira (issue 16), on the real database, against the Jira fake (validated by
// Atlassian's OpenAPI file and the ADF schema in test/vendor-specs). Shapes and sources:
// - `jira:issue_updated` webhooks carry `user` (who acted), `issue` as GET issue returns it (with
//   `fields.status.statusCategory.key`) and `changelog.items[{field: "status", fromString, toString}]`:
//   https://developer.atlassian.com/cloud/jira/platform/webhooks/ ("Example callback for an issue-related event").
// - Status categories `new` / `indeterminate` / `done`: `StatusCategory` in jira-platform-swagger-v3.v3.json.
// - search/jql with nextPageToken, and Jira's 400 "An issue with key 'X' does not exist for field 'key'."
//   for a deleted key (the whole search fails; atlassian-api/atlassian-python-api#752): test/fakes/README.md.
// - doTransition (204) with `update.comment[{add: {body: <ADF>}}]`: the OpenAPI file's `doTransition`.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getIssueRoute } from "@/app/api/v1/issues/[id]/route";
import { GET as getIntegrationRoute } from "@/app/api/v1/integrations/[provider]/route";
import { db, rows } from "@/db/client";
import type { DeliveryWorker } from "@/lib/delivery/worker";
import { saveIntegration } from "@/lib/integrations/service";
import { ingestScan } from "@/lib/issues/ingest";
import { setIssueStatus } from "@/lib/issues/status";
import { SyncRunner } from "@/lib/sync/runner";
import { createJiraTicket } from "@/lib/tickets/jira";
import { adfPlainText, createJiraFake, type JiraUser } from "@/test/fakes";
import { call } from "@/test/support/api";
import { waitFor } from "@/test/support/wait";
import { startTestWorker } from "./delivery-fixtures";
import { issueStatus, makeReconciliationDue, startHookServer, syncDeliveries, type HookServer } from "./sync-harness";
import { ASSET, seedTicketWorld, storedTickets, type TicketWorld } from "./tickets-harness";

const jira = createJiraFake();
let world: TicketWorld;
let hooks: HookServer;
let worker: DeliveryWorker;
let bot: JiraUser;
let hookUrl: string;
const runner = new SyncRunner({ log: () => {} });

beforeAll(async () => {
  await jira.start();
  hooks = await startHookServer();
  world = await seedTicketWorld();
  bot = jira.addUser({ email: "code-security@example.com", apiToken: "bot-token", displayName: "Code Security" });
  jira.addProject({ key: "SEC", name: "Security" });
  const saved = await saveIntegration(world.admin.principal, "jira", null, {
    domainUrl: jira.url,
    email: bot.email,
    apiToken: "bot-token",
  });
  hookUrl = saved.hookUrl!;
  worker = await startTestWorker();
});
afterAll(async () => {
  await worker.stop();
  await hooks.stop();
  expect(jira.violations).toEqual([]);
  await jira.stop();
});

const ticketFor = (issueId: string) =>
  createJiraTicket(world.member.principal, issueId, { projectKey: "SEC", issueTypeId: "10001" });
const readIssue = (id: string) => call(getIssueRoute, { token: world.member.token, params: { id } });
const reconcile = async () => {
  await makeReconciliationDue();
  while (await runner.runOnce());
};

describe("Jira → Code Security", () => {
  it("a ticket moved to Done resolves its issue within seconds of the webhook, with the ticket as the reason", async () => {
    const { key } = await ticketFor(world.issues[0]);
    expect((await readIssue(world.issues[0])).body.tickets).toEqual([
      { provider: "jira", key, url: `${jira.url}/browse/${key}`, status: "To Do", syncedAt: expect.any(String) },
    ]);

    const history = jira.transition(key, "Done");
    expect(history.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "status", fromString: "To Do", toString: "Done" })]),
    );
    const started = Date.now();
    const delivery = await jira.deliverWebhook(hookUrl, jira.webhookPayload("jira:issue_updated", key));
    expect(delivery.status).toBe(202);
    expect(delivery.responseJson).toMatchObject({ synced: true });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await issueStatus(world.issues[0])).toBe("resolved");
    const issue = await readIssue(world.issues[0]);
    expect(issue.body).toMatchObject({ status: "resolved", tickets: [{ key, status: "Done" }] });
    const [entry] = await rows<{ actor: string; details: Record<string, unknown> }>(
      db,
      sql`select actor_email as actor, details from audit_log where action = 'issue.status_changed' and target_id = ${world.issues[0]} order by at desc limit 1`,
    );
    expect(entry).toEqual({
      actor: `Jira ${key} (ticket sync)`,
      details: { from: "open", to: "resolved", reason: { provider: "jira", key, status: "Done" } },
    });
    // The ticket that resolved the issue is not told about it: that would be an echo.
    expect(await syncDeliveries(key)).toEqual([]);
  });

  it("the same webhook again, or a reconciliation reading Done, changes nothing more", async () => {
    const key = (await storedTickets(world.issues[0]))[0].key;
    const again = await jira.deliverWebhook(hookUrl, jira.webhookPayload("jira:issue_updated", key));
    expect(again.responseJson).toMatchObject({ synced: false });
    await reconcile();
    expect(await issueStatus(world.issues[0])).toBe("resolved");
    expect(await syncDeliveries(key)).toEqual([]);
  });

  it("reopening a Done ticket reopens the issue", async () => {
    const key = (await storedTickets(world.issues[0]))[0].key;
    jira.transition(key, "To Do");
    const delivery = await jira.deliverWebhook(hookUrl, jira.webhookPayload("jira:issue_updated", key));
    expect(delivery.responseJson).toMatchObject({ synced: true });
    expect(await issueStatus(world.issues[0])).toBe("open");
  });

  it("with the webhook lost, one reconciliation resolves it: one JQL search by key, paginated", async () => {
    const keys = [];
    for (const id of world.issues.slice(1, 4)) keys.push((await ticketFor(id)).key);
    jira.searchPageLimit = 1;
    jira.reset();
    jira.transition(keys[1], "Done");
    await reconcile();
    expect(await issueStatus(world.issues[2])).toBe("resolved");
    expect([await issueStatus(world.issues[1]), await issueStatus(world.issues[3])]).toEqual(["open", "open"]);
    const searches = jira.requests.filter((r) => r.path === "/rest/api/3/search/jql");
    // Four linked tickets, one a page: one search walked with nextPageToken.
    expect(searches.length).toBe(4);
    expect(new Set(searches.map((s) => (s.body as { jql: string }).jql)).size).toBe(1);
    expect((searches[0].body as { jql: string }).jql).toMatch(/^key in \(SEC-1, SEC-2, SEC-3, SEC-4\)/);
    expect(
      searches.slice(1).every((s) => typeof (s.body as { nextPageToken?: string }).nextPageToken === "string"),
    ).toBe(true);
    const [run] = await rows<{ checked: number; changed: number; lastError: string | null }>(
      db,
      sql`select checked, changed, last_error as "lastError" from sync_runs`,
    );
    expect(run).toEqual({ checked: 4, changed: 1, lastError: null });
    jira.searchPageLimit = undefined;
  });
});

describe("Code Security → Jira", () => {
  it("an issue resolving comments on its ticket; with a transition configured it also moves it, through the delivery engine", async () => {
    const key = (await storedTickets(world.issues[1]))[0].key;
    jira.reset();
    await setIssueStatus(world.admin.principal, world.issues[1], "resolved");
    const [comment] = await waitFor(
      async () => {
        const found = await syncDeliveries(key);
        return found.length && found.every((d) => d.status === "delivered") ? found : undefined;
      },
      10_000,
      "the comment delivery",
    );
    expect(comment.kind).toBe("ticket_resolved");
    const made = jira.changes.filter((c) => c.key === key);
    expect(made.map((c) => [c.kind, c.via, c.by])).toEqual([["comment", "api", bot.accountId]]);
    expect(adfPlainText(jira.issue(key)!.comments.at(-1)!.body)).toContain("resolved because someone resolved it");
    expect(jira.issue(key)!.statusId).toBe(jira.issue("SEC-4")!.statusId); // still To Do

    await saveIntegration(world.admin.principal, "jira", null, {
      domainUrl: jira.url,
      email: bot.email,
      sync: { resolveOnDone: true, onResolve: "Done" },
    });
    jira.reset();
    await setIssueStatus(world.admin.principal, world.issues[3], "resolved");
    const key3 = (await storedTickets(world.issues[3]))[0].key;
    await waitFor(
      async () => (await syncDeliveries(key3)).some((d) => d.status === "delivered"),
      10_000,
      "the transition delivery",
    );
    // One request: the transition with the comment in `update.comment`, both by the product's account.
    expect(
      jira.changes
        .filter((c) => c.key === key3)
        .map((c) => [c.kind, c.via, c.by])
        .sort(),
    ).toEqual([
      ["comment", "api", bot.accountId],
      ["transition", "api", bot.accountId],
    ]);
    expect(jira.changes.find((c) => c.key === key3 && c.kind === "transition")!.history!.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "status", toString: "Done" })]),
    );
    const moved = (await call(getIssueRoute, { token: world.member.token, params: { id: world.issues[3] } })).body
      .tickets[0];
    expect(moved.key).toBe(key3);
    // The delivery log keeps the request, with Jira's credentials masked.
    const [attempt] = await rows<{ url: string; headers: Record<string, string> }>(
      db,
      sql`select request_url as url, request_headers as headers from delivery_attempts a join deliveries d on d.id = a.delivery_id where d.payload->>'ticketKey' = ${key3}`,
    );
    expect(attempt.headers.authorization).toMatch(/^••••/);
    expect(JSON.stringify(attempt)).not.toContain(Buffer.from(`${bot.email}:bot-token`).toString("base64"));
  });

  it("no loop: the product's own transition coming back as a webhook, and a reconciliation after it, change nothing", async () => {
    const key3 = (await storedTickets(world.issues[3]))[0].key;
    const echo = jira.webhookPayload("jira:issue_updated", key3);
    expect(echo.user.accountId).toBe(bot.accountId);
    // The scanner finds the secret again meanwhile: the issue reopens, and the ticket is moved back.
    await setIssueStatus(world.admin.principal, world.issues[3], "open");
    await waitFor(
      async () => (await syncDeliveries(key3)).filter((d) => d.status === "delivered").length === 2,
      10_000,
      "the reopen delivery",
    );
    const before = (await syncDeliveries(key3)).length;
    // Jira's late echo of our move to Done must not resolve the reopened issue.
    const late = await jira.deliverWebhook(hookUrl, echo);
    expect(late.responseJson).toMatchObject({ synced: false });
    const backEcho = await jira.deliverWebhook(hookUrl, jira.webhookPayload("jira:issue_updated", key3));
    expect(backEcho.responseJson).toMatchObject({ synced: false });
    await reconcile();
    expect(await issueStatus(world.issues[3])).toBe("open");
    expect((await syncDeliveries(key3)).length).toBe(before);
    expect((await readIssue(world.issues[3])).body.tickets[0]).toMatchObject({ status: "To Do" });
  });
});

describe("deleted tickets", () => {
  it("a ticket deleted in Jira unlinks cleanly: reconciliation retries its search without the key, and the issue may get a new ticket", async () => {
    const gone = (await storedTickets(world.issues[2]))[0].key;
    const kept = (await storedTickets(world.issues[3]))[0].key;
    jira.deleteIssue(gone);
    jira.transition(kept, "Done");
    await reconcile();
    expect(await storedTickets(world.issues[2])).toEqual([]);
    expect(await issueStatus(world.issues[3])).toBe("resolved");
    const [audit] = await rows<{ details: Record<string, unknown> }>(
      db,
      sql`select details from audit_log where action = 'ticket.unlinked' and target_id = ${world.issues[2]}`,
    );
    expect(audit.details).toMatchObject({ provider: "jira", key: gone });
    expect((await ticketFor(world.issues[2])).key).not.toBe(gone);
  });

  it("jira:issue_deleted unlinks at once", async () => {
    const key = (await storedTickets(world.issues[0]))[0].key;
    jira.deleteIssue(key);
    const delivery = await jira.deliverWebhook(hookUrl, jira.webhookPayload("jira:issue_deleted", key));
    expect(delivery.status).toBe(202);
    expect(await storedTickets(world.issues[0])).toEqual([]);
  });
});

describe("hookUrl and roles", () => {
  it("the administrator sees hookUrl and the sync settings; a member does not see hookUrl; a wrong token is refused", async () => {
    const asAdmin = await call(getIntegrationRoute, { token: world.admin.token, params: { provider: "jira" } });
    expect(asAdmin.body).toMatchObject({
      hookUrl: expect.stringContaining(`/api/v1/hooks/jira/`),
      sync: { resolveOnDone: true, onResolve: "Done" },
    });
    const asMember = await call(getIntegrationRoute, { token: world.member.token, params: { provider: "jira" } });
    if (asMember.status === 200) expect(asMember.body.hookUrl).toBeUndefined();
    else expect(asMember.status).toBe(403);
    const forged = hookUrl.replace(/token=[^&]+/, "token=wrong");
    const refused = await jira.deliverWebhook(forged, { webhookEvent: "jira:issue_updated", issue: { key: "SEC-1" } });
    expect(refused.status).toBe(401);
  });

  it("a scan's new issue for an asset is untouched by sync", async () => {
    await ingestScan(world.admin.principal, {
      asset: { id: ASSET, name: "jelly-sandwich", kind: "code" },
      findings: [],
    });
    expect(await rows(db, sql`select 1 from deliveries where kind = 'ticket_resolved' and status = 'failed'`)).toEqual(
      [],
    );
  });
});
