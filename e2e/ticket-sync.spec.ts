import { expect, test } from "@playwright/test";
import { createJiraFake } from "../test/fakes";
import { api, expectAccessible, expectNoSidewaysScroll, login } from "./fixtures";

// Ticket sync (issue 16): a ticket made from the quick view, closed by a developer in Jira, resolves
// its issue; the quick view and the table show the ticket's own status. Jira's webhook body is the
// fake's `jira:issue_updated` (issue with fields.status, changelog, user), sent to the hookUrl the
// product hands out (https://developer.atlassian.com/cloud/jira/platform/webhooks/).
const jira = createJiraFake();
const ASSET = "github.com/e2e/ticket-sync";
let issueId = "";

test.beforeAll(async ({ request }) => {
  await jira.start();
  jira.addUser({ email: "sync-e2e@example.com", apiToken: "jira-sync-e2e-token", displayName: "Code Security" });
  jira.addProject({ key: "SYNC", name: "Sync journey" });
  const findings = [
    {
      detectorId: "SYN001",
      detectorName: "Sync canary key",
      severity: "error",
      path: "src/sync.ts",
      content: "key = 'AKIA…sync'",
      uri: "https://github.com/e2e/ticket-sync/blob/main/src/sync.ts#L3",
    },
  ];
  expect(
    (await api(request, "POST", "/ingest", { asset: { id: ASSET, name: "ticket-sync", kind: "code" }, findings }))
      .status,
  ).toBe(200);
  const listed = await api(request, "GET", `/issues?assetId=${encodeURIComponent(ASSET)}&limit=10`);
  issueId = (listed.body.items as { id: string }[])[0].id;
  for (const t of (await api(request, "GET", "/teams")).body as { id: string }[])
    await api(request, "DELETE", `/teams/${t.id}/integrations/jira`);
  const saved = await api(request, "PUT", "/integrations/jira", {
    domainUrl: jira.url,
    email: "sync-e2e@example.com",
    apiToken: "jira-sync-e2e-token",
    sync: { resolveOnDone: true, onResolve: null },
  });
  expect(saved.status).toBe(200);
});

test.afterAll(async () => {
  expect(jira.violations).toEqual([]);
  await jira.stop();
});

test("a Jira ticket created from the quick view and closed in Jira resolves its issue, showing the ticket's status", async ({
  page,
  request,
}) => {
  await login(page, "member");
  await page.goto(`/code-security/issues?q=${encodeURIComponent("Sync canary key")}`);
  await page
    .getByRole("row")
    .filter({ hasText: "Sync canary key" })
    .getByRole("button", { name: /Sync canary key/ })
    .click();
  const quickView = page.getByRole("dialog", { name: "Sync canary key" });
  await quickView.getByRole("button", { name: "Create Jira ticket" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Jira ticket" });
  await dialog.getByRole("searchbox", { name: "Search projects" }).fill("sync");
  await expect(dialog.getByRole("combobox", { name: "Project" }).locator("option")).toHaveText(["Sync journey (SYNC)"]);
  await expect(dialog.getByRole("combobox", { name: "Issue type" })).toHaveValue("10001");
  await dialog.getByRole("button", { name: "Create ticket" }).click();
  await expect(dialog).toBeHidden();
  await expect(quickView.getByRole("link", { name: "SYNC-1" }).first()).toBeVisible();
  // The quick view re-reads its issue every 10 s: the new ticket's status arrives with the next read.
  await expect(quickView.getByText("To Do", { exact: true })).toBeVisible({ timeout: 20_000 });

  // A developer closes the ticket in Jira; Jira calls the product's receiver.
  jira.transition("SYNC-1", "Done");
  const { hookUrl } = (await api(request, "GET", "/integrations/jira")).body as { hookUrl: string };
  const delivered = await jira.deliverWebhook(hookUrl, jira.webhookPayload("jira:issue_updated", "SYNC-1"));
  expect(delivered.status).toBe(202);

  // The open quick view follows on its own: the issue is resolved, the ticket reads Done.
  await expect(quickView.getByText("Done", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(quickView.getByText(/resolved/i).first()).toBeVisible();
  await expect(quickView.getByText(/synced (just now|\d+ min ago)/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/ticket-sync-quick-view.png" });
  const issue = await api(request, "GET", `/issues/${issueId}`);
  expect(issue.body).toMatchObject({
    status: "resolved",
    tickets: [{ provider: "jira", key: "SYNC-1", status: "Done", syncedAt: expect.any(String) }],
  });

  // The table shows it too, after a reload, among resolved issues.
  await page.keyboard.press("Escape");
  await page.goto(`/code-security/issues?q=${encodeURIComponent("Sync canary key")}&status=resolved`);
  await expect(
    page.getByRole("row").filter({ hasText: "Sync canary key" }).getByText("Done", { exact: true }),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/ticket-sync-table.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
});

test("the Jira section shows the sync settings, transitions listed live, and the last reconciliation", async ({
  page,
}) => {
  await login(page, "admin");
  await page.goto("/code-security/settings/integrations");
  const jiraSection = page.getByRole("region", { name: "Jira" });
  const configure = jiraSection.getByRole("button", { name: "Configure" });
  if (await configure.isVisible().catch(() => false)) await configure.click();
  const sync = jiraSection.getByRole("region", { name: "Ticket sync" });
  await expect(sync.getByText(/1 linked ticket/)).toBeVisible();
  const moveTo = sync.getByRole("combobox", { name: /move its ticket with/ });
  await expect(moveTo.locator("option")).toContainText([
    "Don't move it (comment only)",
    "To Do (transition to To Do, SYNC)",
  ]);
  await moveTo.selectOption("Done");
  await sync.getByRole("button", { name: "Save sync settings" }).click();
  await expect(sync.getByRole("status")).toHaveText("Sync settings saved");
  await expect(sync.getByText(/Last reconciliation|Not reconciled yet/)).toBeVisible();
  await expectAccessible(page);
  await sync.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/ticket-sync-settings.png", fullPage: false });
});
