import { expect, test } from "@playwright/test";
import { api, expectAccessible, expectNoSidewaysScroll, login, USERS } from "./fixtures";

test.describe("sign-in and roles", () => {
  test("anonymous visitors are sent to the login page", async ({ page }) => {
    for (const path of [
      "/code-security/issues",
      "/code-security/settings/integrations",
      "/code-security/settings/teams",
    ]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
    }
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS.member.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("do not match");
    await expect(page).toHaveURL(/\/login/);
  });

  for (const who of ["admin", "lead"] as const) {
    test(`${who} signs in on the Overview and reaches Integrations through the navigation`, async ({ page }) => {
      await login(page, who);
      await expect(page).toHaveURL(/\/code-security$/);
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      await expect(page.getByText(USERS[who].email)).toBeVisible();
      await page.getByRole("link", { name: "Settings", exact: true }).click();
      await expect(page).toHaveURL(/\/code-security\/settings\/integrations/);
      await page.getByRole("link", { name: "Code Security" }).first().click();
      await expect(page).toHaveURL(/\/code-security$/);
      await page.getByRole("navigation", { name: "Code Security" }).getByRole("link", { name: "Integrations" }).click();
      await expect(page).toHaveURL(/\/code-security\/settings\/integrations/);
      await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test("an analyst's navigation shows only what an analyst can use", async ({ page }) => {
    await login(page, "member");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Code Security" });
    await expect(nav.getByRole("link")).toHaveText(["Overview", "Issues", "Assets", "Settings", "Teams", "API tokens"]);
    await nav.getByRole("link", { name: "Settings", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
    // No Integrations panel for analysts on the overview either.
    await page.goto("/code-security");
    await expect(page.getByRole("heading", { name: "Integrations needing attention" })).toHaveCount(0);
  });
});

test.describe("sign-in before the page is interactive", () => {
  test.use({ javaScriptEnabled: false });
  test("the form is sent with POST, so the password never lands in the address", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS.member.email);
    await page.getByLabel("Password").fill(USERS.member.password);
    const sent = page.waitForRequest((r) => r.isNavigationRequest() && new URL(r.url()).pathname === "/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    const request = await sent;
    expect(request.method()).toBe("POST");
    expect(request.url()).not.toContain(encodeURIComponent(USERS.member.password));
    await page.waitForLoadState();
    expect(page.url()).not.toContain("password");
  });
});

test.describe("REST API access", () => {
  test("answers 401 without a token and 403 for a role without rights", async ({ request }) => {
    const anonymous = await request.get("/api/v1/teams");
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthorized");
    expect((await api(request, "GET", "/teams", undefined, "cs_not_a_real_token")).status).toBe(401);

    const users = await api(request, "GET", "/users");
    const member = users.body.find((u: { email: string }) => u.email === USERS.member.email);
    const token = await api(request, "POST", `/users/${member.id}/tokens`, { name: "member script" });
    expect(token.status).toBe(201);

    expect((await api(request, "GET", "/teams", undefined, token.body.token)).status).toBe(200);
    const denied = await api(request, "POST", "/teams", { name: "Not allowed" }, token.body.token);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("forbidden");
    const teams = await api(request, "GET", "/teams");
    expect(teams.body.map((t: { name: string }) => t.name)).not.toContain("Not allowed");

    const invalid = await api(request, "POST", "/teams", { name: "" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields).toHaveProperty("name");
  });
});

test.describe("settings", () => {
  test("a person creates an API token, uses it once, and revokes it", async ({ page, request }) => {
    await login(page, "member");
    await page.goto("/code-security/settings/api-tokens");
    await page.getByLabel("Token name").fill("laptop script");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^cs_/);
    expect((await api(request, "GET", "/teams", undefined, token)).status).toBe(200);

    await expect(page.getByRole("cell", { name: `••••${token.slice(-4)}` })).toBeVisible();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Revoke laptop script" }).click();
    await expect(page.getByRole("button", { name: "Revoke laptop script" })).toHaveCount(0);
    expect((await api(request, "GET", "/teams", undefined, token)).status).toBe(401);
  });

  test("an administrator creates a team, adds a person and marks a lead", async ({ page, request }) => {
    // A person of this test's own, so other journeys keep the demo roles they expect.
    const riley = await api(request, "POST", "/users", {
      email: "riley@example.com",
      name: "Riley Red",
      password: "a long enough password",
    });
    expect(riley.status).toBe(201);
    await login(page, "admin");
    await page.goto("/code-security/settings/teams");
    await page.getByLabel("New team name").fill("Red Team");
    await page.getByRole("button", { name: "Create team" }).click();
    const card = page.getByRole("region", { name: "Red Team" });
    await expect(card).toBeVisible();
    await card.getByLabel("Person to add to Red Team").selectOption({ label: "Riley Red (riley@example.com)" });
    await card.getByLabel("Role for the new person in Red Team").selectOption("lead");
    await card.getByRole("button", { name: "Add" }).click();
    await expect(card.getByLabel("Role of Riley Red in Red Team")).toHaveValue("lead");
  });

  test("a member sees teams read-only", async ({ page }) => {
    await login(page, "member");
    await page.goto("/code-security/settings/teams");
    await expect(page.getByRole("region", { name: "Platform" })).toBeVisible();
    await expect(page.getByLabel("New team name")).toHaveCount(0);
  });
});

test.describe("layout and accessibility", () => {
  test("every page passes axe", async ({ page }) => {
    await page.goto("/login");
    await expectAccessible(page);
    await login(page, "admin");
    for (const path of [
      "",
      "issues",
      "assets",
      "settings/integrations",
      "settings/teams",
      "settings/api-tokens",
      "settings/audit",
    ]) {
      await page.goto(`/code-security${path ? `/${path}` : ""}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
  });

  test("at 390 px the toolbars fold into a menu", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, "admin");
    await page.getByRole("button", { name: "Open menu" }).click();
    const menu = page.getByRole("dialog");
    await menu.getByRole("link", { name: "Teams" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});
