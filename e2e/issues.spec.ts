import http from "node:http";
import { expect, test } from "@playwright/test";
import { api, expectAccessible, expectNoSidewaysScroll, login } from "./fixtures";
import { FAKE_PORTS } from "./ports";

const ASSET = "github.com/e2e/quick-view";
const PAYLOAD = `<img src=x onerror="window.__xss = 1"> token = 'AKIAE2E'`;

/** The Events Webhook receiver on FAKE_PORTS.receiver: records every event body. */
function startReceiver() {
  const events: { name: string; ids?: string[] }[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      events.push(JSON.parse(raw));
      res.writeHead(200).end("ok");
    });
  });
  return new Promise<{ events: typeof events; close: () => Promise<void> }>((resolve) =>
    server.listen(FAKE_PORTS.receiver, "127.0.0.1", () =>
      resolve({ events, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

test("a member filters the issues, opens a quick view, resolves the issue and it leaves the open list", async ({
  page,
  request,
}) => {
  const receiver = await startReceiver();
  try {
    const saved = await api(request, "PUT", "/integrations/events-webhook", {
      url: `http://127.0.0.1:${FAKE_PORTS.receiver}/events`,
    });
    expect(saved.status).toBe(200);
    const ingest = await api(request, "POST", "/ingest", {
      asset: { id: ASSET, name: "quick-view", kind: "code", url: "https://github.com/e2e/quick-view" },
      findings: [
        {
          detectorId: "E2E001",
          detectorName: "End-to-end canary key",
          severity: "error",
          path: "src/canary.ts",
          content: PAYLOAD,
          uri: "https://github.com/e2e/quick-view/blob/main/src/canary.ts#L4",
        },
      ],
    });
    expect(ingest.status).toBe(200);
    const listed = await api(request, "GET", `/issues?assetId=${encodeURIComponent(ASSET)}`);
    const issueId: string = listed.body.items[0].id;

    await login(page, "member");
    await page.goto("/code-security/issues");
    for (const name of ["Code", "Log", "Host", "Productivity", "Asset"])
      await expect(page.getByRole("tab", { name })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Code" })).toHaveAttribute("aria-selected", "true");

    await page.getByRole("searchbox", { name: "Search" }).fill("canary");
    await page.getByRole("combobox", { name: "Severity" }).selectOption("error");
    await expect(page).toHaveURL(/q=canary/);
    await expect(page).toHaveURL(/severity=error/);
    const rows = page.getByRole("row").filter({ hasText: "End-to-end canary key" });
    await expect(rows).toHaveCount(1);
    await expectAccessible(page);

    await rows.getByRole("button", { name: /End-to-end canary key/ }).press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(PAYLOAD)).toBeVisible();
    await expect(dialog.getByRole("link", { name: /Open source/ })).toHaveAttribute("href", /canary\.ts#L4/);
    await expect(dialog.getByRole("button", { name: "Create Jira ticket" })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Create Monday item" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expectAccessible(page);

    await dialog.getByRole("button", { name: "Resolve" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Issue resolved.");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(rows).toHaveCount(0);
    await expect(page.getByText("No issues match these filters")).toBeVisible();

    await expect
      .poll(() => receiver.events.filter((e) => e.name === "issue_resolved").flatMap((e) => e.ids ?? []), {
        timeout: 15_000,
      })
      .toContain(issueId);
  } finally {
    await receiver.close();
  }
});

test("the issues page works at 390 px without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "member");
  await page.goto("/code-security/issues?status=all");
  await expect(page.getByRole("tab", { name: "Code" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole("row").nth(1).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.goto("/code-security/assets");
  await expect(page.getByRole("heading", { level: 1, name: "Assets" })).toBeVisible();
  await expectAccessible(page);
});
