import net from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { createJiraFake } from "../test/fakes";
import { SecretMaker, type Planted } from "../test/integration/scan-corpus";
import { api, configure, expectAccessible, expectNoSidewaysScroll, login } from "./fixtures";
import { BASE_URL, FAKE_PORTS, fakeUrl } from "./ports";

// Issue 7 acceptance 3: an administrator scans Jira for secrets from the Jira card (Scan now,
// progress to 100 %, cancel, webhook URL, deny list) and finds the secrets on the Productivity tab.
// The fake Jira answers on FAKE_PORTS.jira through a byte forwarder, so asset ids are fixed.
test.describe.configure({ mode: "serial" });

const jira = createJiraFake();
let forwarder: net.Server;
const EMAIL = "scanner@acme.test";
const TOKEN = "jira-scan-e2e-api-token-0007";
const PAGE = "/code-security/settings/integrations";
const ASSET = `jira:127.0.0.1:${FAKE_PORTS.jira}/VAULT`;
const TICKETS = 36;
const planted: Planted[] = [];

test.beforeAll(async ({ request }) => {
  await jira.start();
  forwarder = net.createServer((socket) => {
    const upstream = net.connect(Number(new URL(jira.url).port), "127.0.0.1");
    socket.pipe(upstream).pipe(socket);
    socket.on("error", () => upstream.destroy());
    upstream.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => forwarder.listen(FAKE_PORTS.jira, "127.0.0.1", resolve));

  // VAULT: a secret in every other ticket (one of each kind in turn), a look-alike in every one.
  // ARCHIVE: secrets too, but the administrator denies the project, so none may show up.
  const maker = new SecretMaker(77);
  const kinds = Object.values(maker.kinds());
  const lookAlikes = maker.lookAlikes();
  jira.addUser({ email: EMAIL, apiToken: TOKEN });
  jira.addProject({ key: "VAULT", name: "Vault" });
  jira.addProject({ key: "ARCHIVE", name: "Archive" });
  for (let i = 0; i < TICKETS; i++) {
    const secret = i % 2 === 0 ? kinds[(i / 2) % kinds.length]() : undefined;
    if (secret) planted.push(secret);
    jira.addIssue({
      projectKey: "VAULT",
      summary: `Ticket ${i}`,
      description: `Steps to reproduce.\n${lookAlikes[i % lookAlikes.length]}\n${secret?.text ?? "Nothing secret."}`,
    });
  }
  for (let i = 0; i < 6; i++)
    jira.addIssue({ projectKey: "ARCHIVE", summary: `Old ${i}`, description: kinds[i]().text });

  expect([204, 404]).toContain((await api(request, "DELETE", "/integrations/jira")).status);
  const put = await api(request, "PUT", "/integrations/jira", {
    domainUrl: fakeUrl("jira"),
    email: EMAIL,
    apiToken: TOKEN,
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});

test.afterAll(async ({ request }) => {
  await api(request, "DELETE", "/integrations/jira");
  expect(jira.violations).toEqual([]);
  await Promise.all([jira.stop(), new Promise((r) => forwarder.close(r))]);
});

const jiraCard = (page: Page) => page.getByRole("region", { name: "Jira", exact: true });
// The progress line is a polite live region (not a standing status role: the card's popups are those).
const scanStatus = (page: Page) => jiraCard(page).getByText(/issues scanned/);

test("an administrator scans Jira for secrets, watches it reach 100 %, and finds them on the Productivity tab", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  await login(page, "admin");
  await page.goto(PAGE);
  const card = await configure(jiraCard(page));
  const panel = card.getByRole("region", { name: "Secret scanning" });
  await expect(panel).toBeVisible();

  // The webhook URL to paste into Jira, with its copy button.
  const hookUrl = panel.getByRole("textbox", { name: "Scan webhook URL" });
  await expect(hookUrl).toHaveValue(new RegExp(`^${BASE_URL}/api/v1/hooks/jira/[0-9a-f-]{36}\\?token=[\\w-]{40,}$`));
  await panel.getByRole("button", { name: "Copy URL" }).click();
  await expect(panel.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await hookUrl.inputValue());

  // Redact finding is off by default: nothing in Jira is changed unless an administrator asks.
  await expect(panel.getByRole("switch", { name: "Redact finding" })).not.toBeChecked();
  await expect(panel.getByRole("textbox", { name: "Redaction message" })).toBeDisabled();

  // Keep the archive out of the scan.
  await panel.getByRole("textbox", { name: "Denied projects" }).fill("archive");
  await panel.getByRole("button", { name: "Save scan settings" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Scan settings saved" })).toBeVisible();
  await expect(panel.getByRole("textbox", { name: "Denied projects" })).toHaveValue("ARCHIVE");

  // Slow Jira down a little so the scan is seen under way, then completing.
  jira.delayMs = 300;
  await panel.getByRole("button", { name: "Scan now" }).click();
  await expect(scanStatus(page)).toContainText("Scanning");
  await expect(panel.getByRole("button", { name: "Cancel scan" })).toBeVisible();
  await expect(scanStatus(page)).toHaveText(
    `Done: ${TICKETS} of ${TICKETS} issues scanned, ${planted.length} secrets found (100 %)`,
    { timeout: 20_000 },
  );
  await expect(panel.getByRole("progressbar", { name: "Scan progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(panel.getByRole("button", { name: "Scan now" })).toBeEnabled();
  await expect(panel.getByRole("button", { name: "Cancel scan" })).toBeHidden();
  jira.delayMs = 0;
  await expectAccessible(page);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: "test-results/scan-jira-card-1280.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await card.screenshot({ path: "test-results/scan-jira-card-390.png" });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The findings are Productivity issues of the VAULT asset, and nothing came from the archive.
  await page.goto("/code-security/issues");
  await page.getByRole("tab", { name: /Productivity/ }).click();
  await expect(page.getByRole("tab", { name: /Productivity/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("row").filter({ hasText: "Jira VAULT" }).first()).toBeVisible();
  await page.goto(`/code-security/issues?kind=productivity&assetId=${encodeURIComponent(ASSET)}`);
  const rows = page.getByRole("row").filter({ hasText: "Jira VAULT" });
  await expect(rows).toHaveCount(planted.length);
  for (const id of new Set(planted.map((p) => p.detectorId)))
    await expect(rows.filter({ hasText: `(${id})` }).first()).toBeVisible();
  // Stored excerpts mask the secret: no planted secret appears anywhere on the page.
  const text = (await page.locator("main").textContent()) ?? "";
  for (const p of planted) expect(text).not.toContain(p.secret);
  await expectAccessible(page);
  const archive = await api(
    page.request,
    "GET",
    `/issues?assetId=${encodeURIComponent(`jira:127.0.0.1:${FAKE_PORTS.jira}/ARCHIVE`)}&limit=10`,
  );
  expect(archive.body.items).toEqual([]);
});

test("an administrator cancels a scan under way", async ({ page }) => {
  await login(page, "admin");
  await page.goto(PAGE);
  const panel = (await configure(jiraCard(page))).getByRole("region", { name: "Secret scanning" });
  // Jira answers slowly: the scan is still counting tickets when Cancel is pressed.
  jira.delayMs = 3000;
  await panel.getByRole("button", { name: "Scan now" }).click();
  await expect(scanStatus(page)).toContainText("Scanning");
  await panel.getByRole("button", { name: "Cancel scan" }).click();
  await expect(scanStatus(page)).toHaveText(/^Cancelled: 0 of \d+ issues scanned, 0 secrets found/);
  await expect(panel.getByRole("button", { name: "Scan now" })).toBeEnabled();
  await expect(panel.getByRole("button", { name: "Cancel scan" })).toBeHidden();
  const progress = await api(page.request, "GET", "/integrations/jira/scan");
  expect(progress.body).toMatchObject({ state: "cancelled", scanned: 0 });
  jira.delayMs = 0;
});
