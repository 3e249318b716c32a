import net from "node:net";
import { expect, test } from "@playwright/test";
import { createJiraFake, createMondayFake, requiredCustomField } from "../test/fakes";
import { api, expectAccessible, login, openQuickView } from "./fixtures";
import { FAKE_PORTS } from "./ports";

// Jira is entered by URL; monday is called at the MONDAY_API_URL the server started with
// (FAKE_PORTS.monday), so a byte-level forwarder there leads to the fake.
const jira = createJiraFake();
const monday = createMondayFake();
let forwarder: net.Server;
const ASSET = "github.com/e2e/tickets";
const issueIds: Record<string, string> = {};
const teams: Record<string, string> = {};

test.beforeAll(async ({ request }) => {
  await Promise.all([jira.start(), monday.start()]);
  forwarder = net.createServer((socket) => {
    const upstream = net.connect(Number(new URL(monday.url).port), "127.0.0.1");
    socket.pipe(upstream).pipe(socket);
    socket.on("error", () => upstream.destroy());
    upstream.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => forwarder.listen(FAKE_PORTS.monday, "127.0.0.1", resolve));

  const findings = ["Ticket canary key", "Required field canary", "Monday canary key"].map((name, i) => ({
    detectorId: `TKT00${i}`,
    detectorName: name,
    severity: i === 2 ? "warning" : "error",
    path: `src/tickets_${i}.ts`,
    content: `api_key = 'AKIA…${i}'`,
    uri: `https://github.com/e2e/tickets/blob/main/src/tickets_${i}.ts#L${i + 2}`,
  }));
  expect(
    (await api(request, "POST", "/ingest", { asset: { id: ASSET, name: "tickets", kind: "code" }, findings })).status,
  ).toBe(200);
  for (const t of (await api(request, "GET", "/teams")).body as { id: string; name: string }[]) teams[t.name] = t.id;
  // Earlier journeys may have left team-level settings; these tests decide which integration is in force.
  for (const id of Object.values(teams)) {
    for (const provider of ["jira", "monday"])
      expect([204, 404]).toContain((await api(request, "DELETE", `/teams/${id}/integrations/${provider}`)).status);
  }
  // Team A (Payments) owns the asset; the analyst is in Platform (team B) and Mobile.
  expect((await api(request, "PATCH", `/assets/${encodeURIComponent(ASSET)}`, { teamId: teams.Payments })).status).toBe(
    200,
  );
  const listed = await api(request, "GET", `/issues?assetId=${encodeURIComponent(ASSET)}&limit=10`);
  for (const i of listed.body.items as { id: string; detectorId: string }[]) issueIds[i.detectorId] = i.id;
});

test.afterAll(async ({ request }) => {
  for (const id of Object.values(teams)) await api(request, "DELETE", `/teams/${id}/integrations/monday`);
  await Promise.all([jira.stop(), monday.stop(), new Promise((r) => forwarder.close(r))]);
});

test("a member creates a Jira ticket from the quick view, once, and sees Jira's own field errors", async ({
  page,
  request,
}) => {
  jira.addUser({ email: "e2e@example.com", apiToken: "jira-e2e-token", displayName: "E2E" });
  const priority = {
    fieldId: "priority",
    name: "Priority",
    required: false,
    schema: { type: "priority", system: "priority" },
    allowedValues: ["Highest", "High", "Medium", "Low"].map((name, i) => ({ id: String(i + 1), name })),
  };
  jira.addProject({
    key: "SEC",
    name: "Security",
    issueTypes: [{ id: "10001", name: "Task", extraFields: [priority] }],
  });
  jira.addProject({
    key: "OPS",
    name: "Operations",
    issueTypes: [{ id: "10002", name: "Bug", extraFields: [requiredCustomField("customfield_10010", "Team")] }],
  });
  expect(
    (
      await api(request, "PUT", "/integrations/jira", {
        domainUrl: jira.url,
        email: "e2e@example.com",
        apiToken: "jira-e2e-token",
      })
    ).status,
  ).toBe(200);

  await login(page, "member");
  let quickView = await openQuickView(page, "Ticket canary key");
  await quickView.getByRole("button", { name: "Create Jira ticket" }).click();
  let dialog = page.getByRole("dialog", { name: "Create Jira ticket" });
  await dialog.getByRole("searchbox", { name: "Search projects" }).fill("sec");
  await expect(dialog.getByRole("combobox", { name: "Project" }).locator("option")).toHaveText(["Security (SEC)"]);
  await expect(dialog.getByRole("combobox", { name: "Issue type" })).toHaveValue("10001");
  await expect(dialog.getByRole("combobox", { name: "Priority" })).toHaveValue("2"); // error → High
  await expect(dialog.getByRole("textbox", { name: "Summary" })).toHaveValue("Ticket canary key in tickets");
  await dialog.getByRole("textbox", { name: "Summary" }).fill("Rotate the canary key");
  await dialog.getByText("Description preview").click();
  await expect(dialog.getByRole("link", { name: "Open the issue in Code Security" })).toHaveAttribute(
    "href",
    new RegExp(`issue=${issueIds.TKT000}`),
  );
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/tickets-jira-dialog.png" });
  await dialog.getByRole("button", { name: "Create ticket" }).click();

  await expect(dialog).toBeHidden();
  await expect(quickView.getByRole("status")).toContainText("Jira ticket created: SEC-1");
  await expect(quickView.getByRole("link", { name: "SEC-1" }).first()).toHaveAttribute(
    "href",
    `${jira.url}/browse/SEC-1`,
  );
  expect(jira.issues).toHaveLength(1);
  expect(jira.issues[0].fields).toMatchObject({
    summary: "Rotate the canary key",
    labels: ["code-security"],
    priority: { id: "2" },
  });
  await quickView.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Ticket canary key" })).toContainText("SEC-1");

  // Again: the quick view shows the ticket, linked, in place of its Create button; a script gets the
  // same ticket, and Jira gets no second one.
  quickView = await openQuickView(page, "Ticket canary key");
  await expect(quickView.getByRole("link", { name: /Jira SEC-1/ })).toHaveAttribute("href", `${jira.url}/browse/SEC-1`);
  await expect(quickView.getByRole("button", { name: "Create Jira ticket" })).toHaveCount(0);
  await expect(quickView.getByRole("button", { name: "Create Monday item" })).toBeVisible();
  await quickView.getByRole("button", { name: "Close" }).click();
  expect(
    (await api(request, "POST", `/issues/${issueIds.TKT000}/jira`, { projectKey: "SEC", issueTypeId: "10001" })).body,
  ).toEqual({ key: "SEC-1", url: `${jira.url}/browse/SEC-1` });
  expect(jira.issues).toHaveLength(1);

  // A Bug in OPS requires "Team", which the dialog cannot fill: Jira's own words appear beside it.
  quickView = await openQuickView(page, "Required field canary");
  await quickView.getByRole("button", { name: "Create Jira ticket" }).click();
  dialog = page.getByRole("dialog", { name: "Create Jira ticket" });
  await dialog.getByRole("combobox", { name: "Project" }).selectOption({ label: "Operations (OPS)" });
  await expect(dialog.getByRole("combobox", { name: "Issue type" })).toHaveValue("10002");
  const required = dialog.getByRole("region", { name: "Fields Jira requires that this dialog cannot fill" });
  await expect(required).toContainText("Team");
  await expect(dialog.getByRole("combobox", { name: "Priority" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Create ticket" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Jira refused the ticket");
  await expect(required).toContainText("Team — Jira: Team is required.");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/tickets-jira-field-error.png" });
  expect(jira.issues).toHaveLength(1);
  expect(jira.violations).toEqual([]);
});

test("a member creates a monday item: workspace order, board, group, read-only fields, errors, link", async ({
  page,
  request,
}) => {
  monday.addToken("monday-e2e-token");
  const w = {
    zeta: monday.addWorkspace({ name: "Zeta" }),
    platform: monday.addWorkspace({ name: "Platform space" }),
    archive: monday.addWorkspace({ name: "Archive" }),
    payments: monday.addWorkspace({ name: "Payments space" }),
  };
  const board = monday.addBoard({
    name: "Security findings",
    workspace_id: w.payments.id,
    groups: [
      { id: "topics", title: "Topics" },
      { id: "triage", title: "Triage" },
    ],
    columns: [
      { id: "name", title: "Name", type: "name" },
      { id: "severity", title: "Severity", type: "status", labels: { "0": "error", "1": "warning", "2": "info" } },
      { id: "text_asset", title: "Asset", type: "text" },
      { id: "long_content", title: "Content", type: "long_text" },
      { id: "first_seen", title: "First seen", type: "date" },
    ],
  });
  monday.addBoard({
    name: "Audit (strict labels)",
    workspace_id: w.payments.id,
    columns: [{ id: "status", title: "Severity", type: "status", labels: { "0": "Critical" } }],
  });
  expect((await api(request, "PUT", "/integrations/monday", { apiToken: "monday-e2e-token" })).status).toBe(200);
  expect(
    (await api(request, "PUT", `/teams/${teams.Payments}/integrations/monday`, { defaultWorkspaceId: w.payments.id }))
      .status,
  ).toBe(200);
  expect(
    (await api(request, "PUT", `/teams/${teams.Platform}/integrations/monday`, { defaultWorkspaceId: w.platform.id }))
      .status,
  ).toBe(200);

  await login(page, "member");
  const quickView = await openQuickView(page, "Monday canary key");
  // monday is down for the first call: the Workspace list says so and offers a retry.
  monday.failNext({ status: 503, body: { error_message: "Service unavailable" } });
  await quickView.getByRole("button", { name: "Create Monday item" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Monday item" });
  await expect(dialog.getByRole("alert")).toContainText("Could not load workspaces");
  await dialog.getByRole("button", { name: "Retry" }).click();

  const workspace = dialog.getByRole("combobox", { name: "Workspace" });
  await expect(workspace.locator("option")).toHaveText(["Payments space", "Platform space", "Archive", "Zeta"]);
  await expect(workspace).toHaveValue(w.payments.id);
  await expect(dialog.getByText("Team default", { exact: true })).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Board" }).locator("option")).toHaveText([
    "Audit (strict labels)",
    "Security findings",
  ]);
  await expect(dialog.getByRole("textbox", { name: "Item name" })).toHaveValue("Monday canary key in tickets");
  for (const [name, value] of [
    ["Severity", "warning"],
    ["Asset", ASSET],
    ["Content", "api_key = 'AKIA…2'"],
    ["First seen", new Date().toISOString().slice(0, 10)],
  ]) {
    await expect(dialog.getByRole("textbox", { name })).toHaveValue(value);
    await expect(dialog.getByRole("textbox", { name })).toHaveAttribute("readonly", "");
  }
  await expectAccessible(page);

  // The board that takes the most of the four additional fields comes pre-selected.
  await expect(dialog.getByRole("combobox", { name: "Board" })).toHaveValue(board.id);
  // The strict board has no "warning" label and we ask monday to add it; here monday refuses (as it does when
  // the token may not change the board's columns): its ColumnValueException, inside HTTP 200, is shown as it is.
  await dialog.getByRole("combobox", { name: "Board" }).selectOption({ label: "Audit (strict labels)" });
  monday.errorNext(
    "invalid value - label does not exist in column. Please check our API documentation",
    "ColumnValueException",
  );
  await dialog.getByRole("button", { name: "Create item" }).click();
  await expect(dialog.getByRole("alert")).toContainText("label does not exist in column");
  await page.screenshot({ path: "test-results/tickets-monday-dialog.png" });
  await dialog.getByRole("combobox", { name: "Board" }).selectOption({ label: "Security findings" });
  await expect(dialog.getByText("Fills the board's Severity, Asset, Content, First seen columns")).toBeVisible();
  await dialog.getByRole("combobox", { name: "Group" }).selectOption({ label: "Triage" });
  await dialog.getByRole("textbox", { name: "Item name" }).fill("Rotate the monday canary");
  monday.errorNext(
    "Complexity budget exhausted, query cost 30001 budget remaining 10000 out of 1000000 reset in 30 seconds",
    "ComplexityException",
  );
  await dialog.getByRole("button", { name: "Create item" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Complexity budget exhausted");
  // Keyboard only from here: focus the submit button and press Enter.
  await dialog.getByRole("button", { name: "Create item" }).focus();
  await page.keyboard.press("Enter");

  await expect(dialog).toBeHidden();
  const item = monday.items.at(-1)!;
  expect(item).toMatchObject({ name: "Rotate the monday canary", board_id: board.id, group_id: "triage" });
  expect(item.column_values).toEqual({
    severity: { label: "warning" },
    text_asset: ASSET,
    long_content: { text: "api_key = 'AKIA…2'" },
    first_seen: { date: new Date().toISOString().slice(0, 10) },
  });
  const url = `https://acme.monday.com/boards/${board.id}/pulses/${item.id}`;
  await expect(quickView.getByRole("link", { name: `item ${item.id}` }).first()).toHaveAttribute("href", url);
  await expect(quickView.getByRole("link", { name: `Monday item ${item.id}` })).toHaveAttribute("href", url);
  await expect(quickView.getByRole("button", { name: "Create Monday item" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/tickets-monday-created.png" });
  const again = await api(request, "POST", `/issues/${issueIds.TKT002}/monday`, { boardId: board.id });
  expect(again.body).toEqual({ itemId: item.id, url });
  expect(monday.items.filter((i) => i.name === "Rotate the monday canary")).toHaveLength(1);
  expect(monday.violations).toEqual([]);
});
