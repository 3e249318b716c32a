import { expect, test, type Locator, type Page } from "@playwright/test";
import { api, configure, expectAccessible, expectNoSidewaysScroll, login } from "./fixtures";
import { startVendorFakes } from "./integrations-fakes";

// Issue 15, integrations at a glance: the page of summaries, one status model, delivery health,
// the overview, controls that do something, analysts' dead ends, and the polish.
test.describe.configure({ mode: "serial" });

let fakes: Awaited<ReturnType<typeof startVendorFakes>>;
const PAGE = "/code-security/settings/integrations";
const GLOBAL = [
  "Slack",
  "Microsoft Teams",
  "Jira",
  "Confluence",
  "Monday",
  "PagerDuty",
  "Custom Webhook",
  "Events Webhook",
];
const SLACK_SECRET = "glanceSlackSecretZ7";
const QUERY_SECRET = "glanceQueryToken42";
let slackUrl = "";
let routingKey = "";

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

async function teamIds(request: Parameters<typeof api>[0]): Promise<string[]> {
  return ((await api(request, "GET", "/teams")).body as { id: string }[]).map((t) => t.id);
}

test.beforeAll(async ({ request }) => {
  for (const provider of ["slack", "jira", "confluence", "monday", "pagerduty", "custom-webhook", "events-webhook"]) {
    expect([204, 404]).toContain((await api(request, "DELETE", `/integrations/${provider}`)).status);
  }
  fakes = await startVendorFakes();
  slackUrl = fakes.slack.addWebhook(`/services/T0GLANCE/B0GLANCE/${SLACK_SECRET}`);
  routingKey = fakes.pagerduty.newRoutingKey();
  expect((await api(request, "PUT", "/integrations/slack", { webhookUrl: slackUrl, minSeverity: "info" })).status).toBe(
    200,
  );
  expect(
    (
      await api(request, "PUT", "/integrations/custom-webhook", {
        url: `${fakes.receivers.custom.url}?token=${QUERY_SECRET}`,
      })
    ).status,
  ).toBe(200);
});
test.afterAll(async ({ request }) => {
  for (const provider of ["slack", "pagerduty", "custom-webhook"])
    await api(request, "DELETE", `/integrations/${provider}`);
  expect(fakes.violations()).toEqual([]);
  await fakes.stop();
});

/** The bottom edge of a section's summary line, in CSS pixels from the top of the page. */
async function summaryBottom(region: Locator): Promise<number> {
  const box = await region.locator("header").first().boundingBox();
  expect(box, "the summary line is laid out").not.toBeNull();
  return box!.y + box!.height;
}

test("administrator: all eight summaries in the first 800 px at 1280×800, destinations shown without secrets, Configure opens the form in place", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await login(page, "admin");
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
  for (const name of GLOBAL) {
    const region = section(page, name);
    await expect(region.getByRole("button", { name: "Configure", exact: true })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    expect(await summaryBottom(region), `${name}'s summary ends inside the first 800 px`).toBeLessThanOrEqual(800);
  }
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // Where each one sends: host and path, secret parts elided, as GitHub and Svix show a webhook.
  const slack = section(page, "Slack");
  await expect(slack.getByText(/127\.0\.0\.1:\d+\/services\/T…\/B…\/••••/)).toBeVisible();
  await expect(slack.getByText("Connected", { exact: true })).toBeVisible();
  await expect(section(page, "Custom Webhook").getByText(/127\.0\.0\.1:\d+\/hooks\/code-security\?…/)).toBeVisible();
  await expect(section(page, "PagerDuty").getByText("Not configured", { exact: true })).toBeVisible();
  const html = await page.content();
  for (const secret of [SLACK_SECRET, "T0GLANCE", QUERY_SECRET]) expect(html).not.toContain(secret);
  await page.screenshot({ path: "test-results/glance-integrations-1280.png" });

  // Configure shows the fields, Save and Test inside the section; pressing it again folds them.
  await configure(slack);
  await expect(slack.getByLabel("Webhook URL")).toHaveValue(/^••••/);
  await expect(slack.getByRole("button", { name: "Save" })).toBeVisible();
  await expect(slack.getByRole("button", { name: "Test", exact: true })).toBeVisible();
  await expectAccessible(page);
  await slack.getByRole("button", { name: "Configure", exact: true }).click();
  await expect(slack.getByLabel("Webhook URL")).toBeHidden();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/glance-integrations-390.png", fullPage: true });
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test("one status model: a Test then a Save is Connected with its success, switching off says who, a failing receiver is Failing since", async ({
  page,
}) => {
  await login(page, "admin");
  await page.goto(PAGE);
  const pd = await configure(section(page, "PagerDuty"));
  // Not configured yet: no Enabled switch (it is on once saved); the routing key says where to find it.
  await expect(pd.getByRole("switch", { name: "Enabled" })).toHaveCount(0);
  await expect(pd.getByRole("link", { name: "PagerDuty: services and integrations" })).toHaveAttribute(
    "href",
    /pagerduty\.com/,
  );
  await pd.getByLabel("Routing Key").fill(routingKey);
  await pd.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "PagerDuty answered 202" })).toBeVisible();
  await pd.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The Test of these settings passed" })).toBeVisible();
  await expect(pd.getByText("Connected", { exact: true })).toBeVisible();
  await expect(pd.getByText(/last success/)).toBeVisible();
  await expect(pd.getByText("Nothing sent yet", { exact: true })).toHaveCount(0);

  // Switched off by a person: Disabled, and by whom.
  await pd.getByRole("switch", { name: "Enabled" }).click();
  await pd.getByRole("button", { name: "Save" }).click();
  await expect(pd.getByText("Disabled", { exact: true })).toBeVisible();
  await expect(pd.getByText("Turned off by admin@example.com")).toBeVisible();
  await pd.getByRole("switch", { name: "Enabled" }).click();
  await pd.getByRole("button", { name: "Save" }).click();
  await expect(pd.getByText("Connected", { exact: true })).toBeVisible();

  // A receiver that fails its Test: Failing since, with its answer, here and on the overview.
  fakes.receivers.custom.answer = { status: 500, body: "receiver is down" };
  const custom = await configure(section(page, "Custom Webhook"));
  await custom.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Custom Webhook answered 500" })).toBeVisible();
  await expect(custom.getByText("Failing since", { exact: true })).toBeVisible();
  await expect(custom.getByText(/HTTP 500/).first()).toBeVisible();
  // The summary line gives the reason its room: the destination is cut short before it is.
  const reason = custom.locator("header").getByText("HTTP 500: receiver is down", { exact: true });
  await expect(reason).toBeVisible();
  expect(await reason.evaluate((el) => el.scrollWidth <= el.clientWidth), "the reason is not cut short").toBe(true);

  await page.goto("/code-security");
  const attention = page.getByRole("listitem").filter({ hasText: "Custom Webhook" });
  await expect(attention.getByText("Failing since", { exact: true })).toBeVisible();
  await attention.getByRole("link", { name: "Configure Custom Webhook" }).click();
  await expect(page).toHaveURL(/open=custom-webhook/);
  await expect(section(page, "Custom Webhook").getByRole("button", { name: "Configure", exact: true })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
});

test("delivery health: deliveries per hour and p95, 24 h and 7 d, Recent deliveries under it, bulk retry only with failures", async ({
  page,
}) => {
  await login(page, "admin");
  await page.goto(`${PAGE}?open=custom-webhook`);
  const custom = section(page, "Custom Webhook");
  fakes.receivers.custom.answer = { status: 200, body: "ok" };
  for (let i = 0; i < 2; i++) {
    await custom.getByRole("button", { name: "Test", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Custom Webhook test passed" }).last()).toBeVisible();
  }
  const health = custom.getByRole("region", { name: "Delivery health" });
  const figure = health.getByRole("figure", {
    name: /Custom Webhook: deliveries per hour over the last 24 hours, delivered and failed, with the p95 delivery time/,
  });
  await expect(figure).toBeVisible();
  await expect(figure.getByRole("definition").first()).toHaveText(/^[2-9]\d*$/);
  await expect(figure.locator("svg.recharts-surface")).toBeVisible();
  // The earlier failed Test is there, so bulk retry is offered.
  const recent = custom.getByRole("region", { name: "Recent deliveries" });
  await expect(recent.getByRole("row").filter({ hasText: "Failed" }).first()).toBeVisible();
  await expect(recent.getByRole("button", { name: "Retry all failed" })).toBeVisible();
  await health.getByRole("button", { name: "7 d" }).click();
  await expect(health.getByRole("button", { name: "7 d" })).toHaveAttribute("aria-pressed", "true");
  await expect(health.getByRole("figure", { name: /over the last 7 days/ })).toBeVisible();
  await health.getByRole("button", { name: "24 h" }).click();
  await expectAccessible(page);
  // Nothing sticks out of the section at 1280 (the Redeliver buttons included).
  const sectionBox = (await custom.boundingBox())!;
  for (const button of await recent.getByRole("button", { name: /^Redeliver/ }).all()) {
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(sectionBox.x + sectionBox.width);
  }
  await health.screenshot({ path: "test-results/glance-health-1280.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await health.scrollIntoViewIfNeeded();
  await health.screenshot({ path: "test-results/glance-health-390.png" });
  await custom.screenshot({ path: "test-results/glance-custom-section-390.png" });

  // Slack has never failed: no bulk retry there.
  await page.setViewportSize({ width: 1280, height: 900 });
  const slack = await configure(section(page, "Slack"));
  await slack.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Slack answered 200" })).toBeVisible();
  await expect(slack.getByRole("region", { name: "Delivery health" })).toBeVisible();
  await expect(slack.getByRole("region", { name: "Recent deliveries" })).toBeVisible();
  await expect(slack.getByRole("button", { name: "Retry all failed" })).toHaveCount(0);
});

test("controls that do nothing are gone: no Minimum severity where nothing is filtered; Monday's token says where to find it", async ({
  page,
}) => {
  await login(page, "admin");
  await page.goto(PAGE);
  for (const name of ["Jira", "Confluence", "Monday"])
    await expect((await configure(section(page, name))).getByLabel("Minimum severity")).toHaveCount(0);
  for (const name of ["Slack", "PagerDuty", "Custom Webhook", "Events Webhook"])
    await expect((await configure(section(page, name))).getByLabel("Minimum severity")).toBeVisible();
  const monday = section(page, "Monday");
  await expect(monday.getByRole("link", { name: "monday.com: getting your API token" })).toHaveAttribute(
    "href",
    /developer\.monday\.com/,
  );
  await expect(monday.getByRole("switch", { name: "Enabled" })).toHaveCount(0);
});

test("the overview is the landing page: open issues by severity and kind, new vs resolved as a chart, top assets", async ({
  page,
}) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/code-security$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(
    page.getByRole("figure", { name: /^Open issues by severity: \d+ error, \d+ warning, \d+ info$/ }),
  ).toBeVisible();
  const trend = page.getByRole("figure", { name: /Issues found \(new\) and resolved per day over the last 30 days/ });
  await expect(trend.locator("svg.recharts-surface").first()).toBeVisible();
  // The legend's names are readable ink (zinc-600), not the series' light green.
  for (const name of ["New", "Resolved"])
    await expect(trend.getByText(name, { exact: true })).toHaveCSS("color", "rgb(82, 82, 91)");
  await expect(page.getByRole("heading", { name: "Assets with the most open issues" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Integrations needing attention" })).toBeVisible();
  for (const kind of ["Code", "Log", "Host", "Productivity", "Asset"])
    await expect(page.getByRole("link", { name: new RegExp(`^${kind} \\d`) })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/glance-overview-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: "test-results/glance-overview-390.png", fullPage: true });
});

test("team lead: lands on the overview, sees only the teams they lead, and the team's summaries fit the first screen", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await login(page, "lead");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Integrations needing attention" })).toBeVisible();
  // The global Custom Webhook is failing, but it is not the lead's to fix.
  await expect(page.getByRole("link", { name: "Configure Custom Webhook" })).toHaveCount(0);
  await page.goto(PAGE);
  await expect(section(page, "Custom Webhook")).toHaveCount(0);
  for (const name of GLOBAL.filter((n) => n !== "Custom Webhook"))
    expect(await summaryBottom(section(page, name))).toBeLessThanOrEqual(800);
  await expectAccessible(page);
});

test("analyst: Create buttons say why they are off and who can fix it", async ({ page, request }) => {
  for (const teamId of await teamIds(request)) {
    for (const provider of ["jira", "monday"])
      await api(request, "DELETE", `/teams/${teamId}/integrations/${provider}`);
  }
  for (const provider of ["jira", "monday"]) await api(request, "DELETE", `/integrations/${provider}`);
  const asset = "github.com/e2e/glance";
  expect(
    (
      await api(request, "POST", "/ingest", {
        asset: { id: asset, name: "glance", kind: "code" },
        findings: [
          { detectorId: "GLC001", detectorName: "Glance canary key", severity: "warning", path: "a.ts", content: "k" },
        ],
      })
    ).status,
  ).toBe(200);

  await login(page, "member");
  await page.goto("/code-security/issues?q=Glance%20canary%20key");
  await page
    .getByRole("row")
    .filter({ hasText: "Glance canary key" })
    .getByRole("button", { name: /Glance canary key/ })
    .click();
  const quickView = page.getByRole("dialog", { name: "Glance canary key" });
  for (const name of ["Create Jira ticket", "Create Monday item"]) {
    const button = quickView.getByRole("button", { name });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(
      /Jira and Monday are not set up.*An account administrator can connect them in Settings → Integrations/,
    );
  }
  await expectAccessible(page);
  // Analysts have no way into the integrations page from the navigation.
  await page.keyboard.press("Escape");
  await expect(
    page.getByRole("navigation", { name: "Code Security" }).getByRole("link", { name: "Integrations" }),
  ).toHaveCount(0);
});

test("polish: a branded 404, a favicon and logos from public/, content at least 900 px wide at 1280, every page axe-clean without sideways scrolling at 390", async ({
  page,
  request,
}) => {
  // Seven pages, each laid out twice and checked by axe: more than the default minute on a busy machine.
  test.setTimeout(240_000);
  for (const file of [
    "/favicon.svg",
    "/integrations/slack.svg",
    "/integrations/monday.svg",
    "/integrations/teams.svg",
  ]) {
    const answer = await request.get(file);
    expect(answer.status(), file).toBe(200);
    expect(answer.headers()["content-type"]).toContain("image/svg+xml");
  }
  await login(page, "admin");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /favicon\.svg/);
  await page.goto("/code-security/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "This page does not exist" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the overview" })).toBeVisible();
  await expectAccessible(page);

  const pages = [
    "",
    "/issues",
    "/assets",
    "/settings/integrations",
    "/settings/teams",
    "/settings/api-tokens",
    "/settings/audit",
  ];
  for (const path of pages) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/code-security${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const main = (await page.locator("main").boundingBox())!;
    expect(main.width, `the content of /code-security${path} at 1280`).toBeGreaterThanOrEqual(900);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  }
});
