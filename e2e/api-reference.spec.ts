import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSidewaysScroll, login } from "./fixtures";
import { BASE_URL } from "./ports";

// A policy as strict as a Next.js app can serve: scripts, styles, fonts, frames and connections
// from this origin only (Next needs inline scripts for its payload), no eval, no workers from blobs.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

/** Serve the reference page under CSP, and collect anything it fetches from elsewhere or is refused. */
async function watch(page: Page) {
  const elsewhere: string[] = [];
  const refused: string[] = [];
  const origin = new URL(BASE_URL).origin;
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith("http") && url.origin !== origin) elsewhere.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await page.route("**/code-security/settings/api-reference", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": CSP } });
  });
  return { elsewhere, refused };
}

test.describe("API reference", () => {
  test("API tokens links to a readable reference of every call, rendered from this server alone under a strict CSP", async ({
    page,
  }) => {
    const seen = await watch(page);
    await login(page, "admin");
    await page.goto("/code-security/settings/api-tokens");
    await page.getByRole("link", { name: "API reference" }).click();
    await expect(page).toHaveURL(/\/code-security\/settings\/api-reference$/);
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();

    // Redoc renders the document: operations by tag, with their bodies and answers.
    await expect(page.getByRole("heading", { name: "Ingest one full scan of one asset" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByRole("heading", { name: "Set an issue's status" })).toBeVisible();
    await expect(page.getByText("Idempotency-Key", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("status")).toHaveCount(0);
    await page.screenshot({ path: "test-results/api-reference.png" });

    expect(seen.elsewhere).toEqual([]);
    expect(seen.refused).toEqual([]);
    // Axe over Redoc's whole document takes minutes; the page's own parts, Redoc's menu and one
    // full operation (parameters, body, answers) cover every kind of element it draws.
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .include("main h1")
      .include("main h1 + p")
      .include(".menu-content")
      .include('[data-section-id="tag/Ingest/paths/~1api~1v1~1ingest/post"]')
      .analyze();
    expect(
      results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.any[0]?.message)
              .join(" / ")}`,
        ),
    ).toEqual([]);
  });

  test("the OpenAPI document is public JSON, and the reference fits a phone", async ({ page, request }) => {
    const doc = await request.get("/api/v1/openapi.json");
    expect(doc.status()).toBe(200);
    expect(await doc.json()).toMatchObject({ openapi: "3.1.0", info: { title: "Code Security API" } });

    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, "member");
    await page.goto("/code-security/settings/api-reference");
    await expect(page.getByRole("heading", { name: "Ingest one full scan of one asset" })).toBeVisible({
      timeout: 20_000,
    });
    await page.screenshot({ path: "test-results/api-reference-390.png" });
    await expectNoSidewaysScroll(page);
  });
});
