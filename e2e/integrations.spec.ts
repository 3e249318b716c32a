import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { NODE_SNIPPET } from "../lib/integrations/signature-snippets";
import { api, configure, expectAccessible, expectNoSidewaysScroll, login } from "./fixtures";
import { startVendorFakes } from "./integrations-fakes";

// Administrator journeys on Settings → Integrations, against loopback vendor fakes.
test.describe.configure({ mode: "serial" });

let fakes: Awaited<ReturnType<typeof startVendorFakes>>;
const SECRETS = {
  jira: "jira-secret-api-token-0001",
  confluence: "confluence-secret-api-token-0002",
  monday: "monday-secret-api-token-0003",
  routingKey: "",
  slackUrl: "",
};
const PAGE = "/code-security/settings/integrations";

test.beforeAll(async ({ request }) => {
  // Start from "nothing configured" whatever ran before against this server.
  for (const provider of ["slack", "jira", "confluence", "monday", "pagerduty", "custom-webhook", "events-webhook"]) {
    expect([204, 404]).toContain((await api(request, "DELETE", `/integrations/${provider}`)).status);
  }
  fakes = await startVendorFakes();
  fakes.jira.addUser({ email: "jira-admin@acme.test", apiToken: SECRETS.jira, displayName: "Jira Admin" });
  fakes.confluence.addUser({ email: "wiki-admin@acme.test", apiToken: SECRETS.confluence, displayName: "Wiki Admin" });
  fakes.monday.addToken(SECRETS.monday);
  SECRETS.routingKey = fakes.pagerduty.newRoutingKey();
  SECRETS.slackUrl = fakes.slack.addWebhook("/services/T0ACME/B0ALERTS/slackSecretPathX9Qa");
});
test.afterAll(async () => {
  expect(fakes.violations()).toEqual([]);
  await fakes.stop();
});

const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

async function save(page: Page, card: Locator, name: string) {
  await configure(card);
  await card.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} settings saved` })).toBeVisible();
}

/** Press Test and return the popup's text. */
async function runTest(page: Page, card: Locator, name: string, ok: boolean): Promise<string> {
  await configure(card);
  await card.getByRole("button", { name: "Test", exact: true }).click();
  const popup = page
    .getByRole(ok ? "status" : "alert")
    .filter({ hasText: `${name} ${ok ? "test passed" : "test failed"}` })
    .last();
  await expect(popup).toBeVisible();
  const text = (await popup.textContent()) ?? "";
  await popup.getByRole("button", { name: "Dismiss" }).click();
  return text;
}

async function screenshots(page: Page, state: string) {
  await page.screenshot({ path: `test-results/integrations-${state}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/integrations-${state}-390.png`, fullPage: true });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an administrator connects all seven integrations and each Test succeeds", async ({ page }) => {
  // Seven forms, seven Tests, axe and screenshots at two widths: a minute on a quiet 2-core machine.
  test.slow();
  await login(page, "admin");
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Scope" })).toHaveValue("global");
  for (const name of ["Slack", "Jira", "Confluence", "Monday", "PagerDuty", "Custom Webhook", "Events Webhook"]) {
    await expect(region(page, name).getByText("Not configured")).toBeVisible();
  }
  await expectAccessible(page);
  await screenshots(page, "empty");

  const slack = await configure(region(page, "Slack"));
  await slack.getByLabel("Webhook URL").fill("https://example.com/not-a-slack-hook");
  await slack.getByRole("button", { name: "Save" }).click();
  await expect(slack.getByText(/Slack incoming-webhook URL/)).toBeVisible();
  await slack.getByLabel("Webhook URL").fill(SECRETS.slackUrl);
  await save(page, slack, "Slack");
  await expect(slack.getByLabel("Webhook URL")).toHaveValue("••••X9Qa");
  expect(await runTest(page, slack, "Slack", true)).toMatch(/Slack answered 200 in \d+ ms/);
  await expect(slack.getByText(/Last test, .*Slack answered 200/)).toBeVisible();
  await expect(slack.getByText("Connected", { exact: true })).toBeVisible();

  for (const [name, email, token, url] of [
    ["Jira", "jira-admin@acme.test", SECRETS.jira, fakes.jira.url],
    ["Confluence", "wiki-admin@acme.test", SECRETS.confluence, fakes.confluence.url],
  ] as const) {
    const card = await configure(region(page, name));
    await card.getByLabel("Domain URL").fill(url);
    await card.getByLabel("Email").fill(email);
    await card.getByLabel("API Token").fill(token);
    await save(page, card, name);
    expect(await runTest(page, card, name, true)).toMatch(new RegExp(`${name} answered 200 .*Connected as`));
  }

  const monday = await configure(region(page, "Monday"));
  await monday.getByLabel("API Token").fill(SECRETS.monday);
  await save(page, monday, "Monday");
  await expect(monday.getByText("acme.monday.com")).toBeVisible();
  expect(await runTest(page, monday, "Monday", true)).toMatch(/Monday answered 200/);

  const pd = await configure(region(page, "PagerDuty"));
  await pd.getByLabel("Routing Key").fill("too-short");
  await pd.getByRole("button", { name: "Save" }).click();
  await expect(pd.getByText("A routing key is exactly 32 characters")).toBeVisible();
  await pd.getByLabel("Routing Key").fill(SECRETS.routingKey);
  await expect(pd.getByLabel("Minimum severity")).toHaveValue("error");
  // Minimum severity shows where it filters something, and says what it does there; Jira filters nothing.
  await expect(pd.getByText("Only issues at or above it trigger an incident")).toBeVisible();
  await expect(region(page, "Jira").getByLabel("Minimum severity")).toHaveCount(0);
  await save(page, pd, "PagerDuty");
  expect(await runTest(page, pd, "PagerDuty", true)).toMatch(/PagerDuty answered 202/);
  expect(fakes.pagerduty.events.map((e) => e.event_action)).toEqual(["trigger", "resolve"]);

  for (const [name, receiver] of [
    ["Custom Webhook", fakes.receivers.custom],
    ["Events Webhook", fakes.receivers.events],
  ] as const) {
    const card = await configure(region(page, name));
    await card.getByLabel("URL", { exact: true }).fill(receiver.url);
    await save(page, card, name);
    expect(await runTest(page, card, name, true)).toMatch(new RegExp(`${name} answered 200`));
    await expect(card.getByRole("button", { name: "Copy token" })).toBeVisible();
  }

  // The Node.js snippet shown on the page verifies the real signed test delivery it received.
  const token = (await region(page, "Custom Webhook").locator("code").first().textContent())!.trim();
  expect(token.length).toBeGreaterThanOrEqual(43);
  const delivery = fakes.receivers.custom.received.at(-1)!;
  const dir = mkdtempSync(path.join(tmpdir(), "snippet-"));
  writeFileSync(path.join(dir, "verify.mjs"), NODE_SNIPPET);
  const { verifySpectralSignature } = await import(pathToFileURL(path.join(dir, "verify.mjs")).href);
  rmSync(dir, { recursive: true, force: true });
  expect(verifySpectralSignature(delivery.headers, delivery.rawBody, token)).toBe(true);
  expect(verifySpectralSignature(delivery.headers, Buffer.concat([delivery.rawBody, Buffer.from(" ")]), token)).toBe(
    false,
  );
  expect(verifySpectralSignature(delivery.headers, delivery.rawBody, `${token}x`)).toBe(false);

  await page.reload();
  const custom = await configure(region(page, "Custom Webhook"));
  await custom.getByText("Verify the signature").click();
  await custom.getByRole("tab", { name: "Python" }).click();
  await expect(custom.getByText("hmac.compare_digest")).toBeVisible();
  await custom.getByText("Custom Webhook or Events Webhook?").click();
  await expect(
    custom.getByRole("table", { name: "Comparison of the Events Webhook and the Custom Webhook" }),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "configured");

  // The Scope switch: a team's settings, where the Custom Webhook is not offered.
  await page.getByRole("combobox", { name: "Scope" }).selectOption({ label: "Payments" });
  await expect(page).toHaveURL(/scope=/);
  await expect(region(page, "Custom Webhook")).toHaveCount(0);
  await expect(region(page, "Slack").getByText("Not configured")).toBeVisible();
  await page.getByRole("combobox", { name: "Scope" }).selectOption("global");
  await expect(region(page, "Custom Webhook")).toBeVisible();

  // No stored secret reaches the browser: not in the HTML, not in the RSC payload.
  const html = await (await page.request.get(PAGE)).text();
  const rsc = await (await page.request.get(PAGE, { headers: { RSC: "1" } })).text();
  for (const secret of [
    SECRETS.jira,
    SECRETS.confluence,
    SECRETS.monday,
    SECRETS.routingKey,
    "slackSecretPathX9Qa",
    "/services/T0ACME",
    fakes.receivers.custom.url,
  ]) {
    expect(html).not.toContain(secret);
    expect(rsc).not.toContain(secret);
  }
});

test("an administrator breaks each integration and sees the vendor's reason", async ({ page }) => {
  await login(page, "admin");
  await page.goto(PAGE);

  fakes.slack.setWebhookState("/services/T0ACME/B0ALERTS/slackSecretPathX9Qa", "archived");
  expect(await runTest(page, region(page, "Slack"), "Slack", false)).toMatch(
    /Slack answered 410 channel_is_archived in \d+ ms/,
  );

  const jira = await configure(region(page, "Jira"));
  await jira.getByLabel("API Token").fill("a-wrong-token");
  expect(await runTest(page, jira, "Jira", false)).toMatch(/Jira answered 401 Client must be authenticated/);
  const confluence = await configure(region(page, "Confluence"));
  await confluence.getByLabel("API Token").fill("a-wrong-token");
  expect(await runTest(page, confluence, "Confluence", false)).toMatch(/Confluence answered 401/);

  fakes.monday.errorNext("User unauthorized to perform action", "UserUnauthorizedException");
  expect(await runTest(page, region(page, "Monday"), "Monday", false)).toMatch(
    /Monday answered 200 User unauthorized to perform action/,
  );
  const monday = await configure(region(page, "Monday"));
  await monday.getByLabel("API Token").fill("not-a-monday-token");
  expect(await runTest(page, monday, "Monday", false)).toMatch(/Monday answered 401 Not Authenticated/);

  fakes.pagerduty.markRoutingKeyInvalid(SECRETS.routingKey);
  expect(await runTest(page, region(page, "PagerDuty"), "PagerDuty", false)).toMatch(
    /PagerDuty answered 400 Invalid routing key/,
  );

  fakes.receivers.custom.answer = { status: 401, body: "signature mismatch" };
  expect(await runTest(page, region(page, "Custom Webhook"), "Custom Webhook", false)).toMatch(
    /Custom Webhook answered 401/,
  );
  fakes.receivers.events.answer = { status: 503, body: "maintenance" };
  expect(await runTest(page, region(page, "Events Webhook"), "Events Webhook", false)).toMatch(
    /Events Webhook answered 503/,
  );

  // Tests of the saved settings became each summary's status: failing since a time, and why.
  await page.reload();
  const slack = region(page, "Slack");
  await expect(slack.getByText("Failing since", { exact: true })).toBeVisible();
  await expect(slack.getByText("HTTP 410: channel_is_archived")).toBeVisible();
  await expect(region(page, "PagerDuty").getByText(/Invalid routing key/)).toBeVisible();
  // An unsaved edit's Test did not change the saved Jira status.
  await expect(region(page, "Jira").getByText("Connected", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "error");
});

test("the server log of the whole run holds no stored secret", async () => {
  const log = readFileSync(path.join(process.env.E2E_DATA_DIR!, "server.log"), "utf8");
  for (const secret of [
    SECRETS.jira,
    SECRETS.confluence,
    SECRETS.monday,
    SECRETS.routingKey,
    "slackSecretPathX9Qa",
    "teamSecretHook",
    "monday-roles-secret-token-0042",
  ]) {
    expect(log).not.toContain(secret);
  }
});
