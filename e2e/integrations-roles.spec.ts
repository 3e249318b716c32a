import { expect, test } from "@playwright/test";
import { api, configure, expectAccessible, login } from "./fixtures";
import { startVendorFakes } from "./integrations-fakes";

// Team leads, members and secrets on Settings → Integrations.
test.describe.configure({ mode: "serial" });

let fakes: Awaited<ReturnType<typeof startVendorFakes>>;
const MONDAY_TOKEN = "monday-roles-secret-token-0042";
const PAGE = "/code-security/settings/integrations";

test.beforeAll(async ({ request }) => {
  fakes = await startVendorFakes();
  fakes.monday.addToken(MONDAY_TOKEN);
  fakes.monday.addWorkspace({ name: "Platform space" });
  fakes.monday.addWorkspace({ name: "Payments space" });
  // Teams borrow the global monday token, so the administrator sets that one up first.
  const saved = await api(request, "PUT", "/integrations/monday", { apiToken: MONDAY_TOKEN });
  expect(saved.status).toBe(200);
  expect(JSON.stringify(saved.body)).not.toContain(MONDAY_TOKEN);
});
test.afterAll(async () => {
  expect(fakes.violations()).toEqual([]);
  await fakes.stop();
});

test("a team lead sets the team's Slack and default Monday workspace; no Custom Webhook at team level", async ({
  page,
}) => {
  await login(page, "lead");
  await page.goto(PAGE);
  const scope = page.getByRole("combobox", { name: "Scope" });
  await expect(scope.locator("option")).toHaveText(["Platform"]);
  await expect(page.getByRole("region", { name: "Custom Webhook" })).toHaveCount(0);
  await expect(page.getByText(/Custom Webhook is not offered here: it is global only/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Events Webhook" })).toBeVisible();

  const slack = await configure(page.getByRole("region", { name: "Slack" }));
  await slack.getByLabel("Webhook URL").fill(fakes.slack.addWebhook("/services/T0ACME/B0PLATFORM/teamSecretHook"));
  await slack.getByLabel("Minimum severity").selectOption("warning");
  await slack.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Slack settings saved" })).toBeVisible();
  await slack.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Slack answered 200" })).toBeVisible();

  const monday = await configure(page.getByRole("region", { name: "Monday" }));
  // The team's section sets only the default workspace, and says the token is global.
  await expect(monday.getByText(/The API token is global/)).toBeVisible();
  await expect(monday.getByLabel("API Token")).toHaveCount(0);
  const picker = monday.getByLabel("Default workspace");
  await expect(picker.locator("option", { hasText: "Platform space" })).toBeAttached();
  await picker.selectOption({ label: "Platform space" });
  await monday.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Monday settings saved" })).toBeVisible();
  await monday.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Monday answered 200 .*Platform space/ })).toBeVisible();

  await page.reload();
  await expect(
    (await configure(page.getByRole("region", { name: "Monday" }))).getByLabel("Default workspace"),
  ).toHaveValue(fakes.monday.workspaces[0].id);
  await expect((await configure(page.getByRole("region", { name: "Slack" }))).getByLabel("Webhook URL")).toHaveValue(
    "••••Hook",
  );
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/integrations-lead-1280.png", fullPage: true });

  // The lead's changes are in their audit log, without the secret URL.
  await page.goto("/code-security/settings/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByText("webhookUrl changed").first()).toBeVisible();
  expect(await page.content()).not.toContain("teamSecretHook");
  await expectAccessible(page);
});

test("a member is refused: a clear message and no forms", async ({ page }) => {
  await login(page, "member");
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
  await expect(page.getByText("Only administrators and team leads can manage integrations")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Scope" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/code-security/settings/audit");
  await expect(page.getByText("Only administrators and team leads can read the audit log")).toBeVisible();
});
