import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createJira } from "@/app/api/v1/issues/[id]/jira/route";
import { GET as getIssueRoute } from "@/app/api/v1/issues/[id]/route";
import { db } from "@/db/client";
import { saveIntegration } from "@/lib/integrations/service";
import { adfPlainText, createJiraFake, requiredCustomField } from "@/test/fakes";
import { call } from "@/test/support/api";
import { seedTicketWorld, storedTickets, type TicketWorld } from "./tickets-harness";

const jira = createJiraFake();
let world: TicketWorld;
const PRIORITY = {
  fieldId: "priority",
  name: "Priority",
  required: false,
  schema: { type: "priority", system: "priority" },
  allowedValues: ["Highest", "High", "Medium", "Low"].map((name, i) => ({ id: String(i + 1), name })),
};

beforeAll(async () => {
  await jira.start();
  world = await seedTicketWorld();
  jira.addUser({ email: "global@example.com", apiToken: "global-token" });
  jira.addUser({ email: "team-a@example.com", apiToken: "team-a-token" });
  jira.addProject({
    key: "SEC",
    name: "Security",
    issueTypes: [
      { id: "10001", name: "Task", extraFields: [PRIORITY] },
      { id: "10003", name: "Sub-task", subtask: true },
    ],
  });
  jira.addProject({
    key: "OPS",
    name: "Operations",
    issueTypes: [{ id: "10002", name: "Bug", extraFields: [requiredCustomField("customfield_10010", "Team")] }],
  });
});
afterAll(async () => {
  expect(jira.violations).toEqual([]);
  await jira.stop();
});

const post = (issueId: string, body: unknown, token = world.member.token) =>
  call(createJira, { token, body, params: { id: issueId } });

describe("POST /api/v1/issues/{id}/jira", () => {
  it("answers 401 without a token, 404 for an unknown issue and 422 naming the missing fields", async () => {
    expect((await post(world.issues[0], { projectKey: "SEC", issueTypeId: "10001" }, "")).status).toBe(401);
    const unknown = await post("00000000-0000-4000-8000-000000000000", { projectKey: "SEC", issueTypeId: "10001" });
    expect(unknown.status).toBe(404);
    expect((await post("not-a-uuid", { projectKey: "SEC", issueTypeId: "10001" })).status).toBe(404);
    const invalid = await post(world.issues[0], { summary: "x".repeat(300) });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(["issueTypeId", "projectKey", "summary"]);
  });

  it("says plainly when Jira is not configured, and changes nothing", async () => {
    const answer = await post(world.issues[0], { projectKey: "SEC", issueTypeId: "10001" });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: "integration_not_configured" });
    expect(answer.body.error.message).toMatch(/Jira is not configured.*Settings → Integrations/);
    expect(await storedTickets(world.issues[0])).toEqual([]);
  });

  it("a member creates a ticket with an ADF description, the severity's priority and a link back", async () => {
    await saveIntegration(world.admin.principal, "jira", null, {
      domainUrl: jira.url,
      email: "global@example.com",
      apiToken: "global-token",
    });
    const answer = await post(world.issues[0], { projectKey: "SEC", issueTypeId: "10001", labels: ["code security"] });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ key: "SEC-1", url: `${jira.url}/browse/SEC-1` });
    const made = jira.issue("SEC-1")!;
    expect(made.fields.summary).toBe("Visible AWS Key 0 in jelly-sandwich");
    expect(made.fields.labels).toEqual(["code-security"]);
    expect(made.fields.priority).toEqual({ id: "2" });
    const text = adfPlainText(made.fields.description);
    for (const part of ["SENF020", "error", "secret_0.rb:3", "AKIA…0", "Open the issue in Code Security"])
      expect(text).toContain(part);
    expect(JSON.stringify(made.fields.description)).toContain(`/code-security/issues?issue=${world.issues[0]}`);

    const issue = await call(getIssueRoute, { token: world.member.token, params: { id: world.issues[0] } });
    expect(issue.body.tickets).toEqual([
      {
        provider: "jira",
        key: "SEC-1",
        url: `${jira.url}/browse/SEC-1`,
        status: "To Do",
        syncedAt: expect.any(String),
      },
    ]);
  });

  it("a second request returns the existing ticket and makes no other", async () => {
    const before = jira.issues.length;
    const again = await post(world.issues[0], { projectKey: "OPS", issueTypeId: "10002", summary: "Another" });
    expect(again.body).toEqual({ key: "SEC-1", url: `${jira.url}/browse/SEC-1` });
    expect(jira.issues.length).toBe(before);
  });

  it("two simultaneous requests for one issue make one ticket", async () => {
    const before = jira.issues.length;
    const answers = await Promise.all(
      [1, 2, 3].map(() => post(world.issues[1], { projectKey: "SEC", issueTypeId: "10001" })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.key)).size).toBe(1);
    expect(jira.issues.length).toBe(before + 1);
    expect(await storedTickets(world.issues[1])).toHaveLength(1);
  });

  it("a required custom field comes back as Jira's own error for that field, and nothing is stored", async () => {
    const answer = await post(world.issues[2], { projectKey: "OPS", issueTypeId: "10002" });
    expect(answer.status).toBe(422);
    expect(answer.body.error.fields).toEqual({ customfield_10010: "Team is required." });
    expect(await storedTickets(world.issues[2])).toEqual([]);
    // The failed attempt left no claim behind: the next one can create the ticket.
    const retry = await post(world.issues[2], { projectKey: "SEC", issueTypeId: "10001" });
    expect(retry.status).toBe(200);
  });

  it("uses the asset's team's Jira over the global one; an unmapped asset uses the global one", async () => {
    await saveIntegration(world.admin.principal, "jira", world.teamA, {
      domainUrl: jira.url,
      email: "team-a@example.com",
      apiToken: "team-a-token",
    });
    expect((await post(world.issues[3], { projectKey: "SEC", issueTypeId: "10001", priorityId: "" })).status).toBe(200);
    const auth = (email: string) =>
      `Basic ${Buffer.from(`${email}:${email.startsWith("team") ? "team-a-token" : "global-token"}`).toString("base64")}`;
    expect(jira.requests.at(-1)?.headers.authorization).toBe(auth("team-a@example.com"));
    expect(jira.issues.at(-1)?.fields.priority).toBeUndefined();
    expect((await post(world.unmappedIssue, { projectKey: "SEC", issueTypeId: "10001" })).status).toBe(200);
    expect(jira.requests.at(-1)?.headers.authorization).toBe(auth("global@example.com"));
  });

  it("takes over a claim left by a process that died mid-call", async () => {
    await db.execute(
      sql`insert into issue_tickets (issue_id, provider, key, url, created_at) values (${world.issues[5]}, 'jira', '', '', now() - interval '5 minutes')`,
    );
    const answer = await post(world.issues[5], { projectKey: "SEC", issueTypeId: "10001" });
    expect(answer.status).toBe(200);
    expect(await storedTickets(world.issues[5])).toEqual([
      { provider: "jira", key: answer.body.key, url: answer.body.url },
    ]);
  });

  it("shows Jira's own words when Jira refuses the credentials", async () => {
    await saveIntegration(world.admin.principal, "jira", world.teamA, {
      domainUrl: jira.url,
      email: "team-a@example.com",
      apiToken: "revoked",
    });
    const answer = await post(world.issues[4], { projectKey: "SEC", issueTypeId: "10001", priorityId: "" });
    expect(answer.status).toBe(502);
    expect(answer.body.error.message).toContain("Client must be authenticated");
    expect(await storedTickets(world.issues[4])).toEqual([]);
  });
});
