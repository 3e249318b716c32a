import { expect, test, type Page } from "@playwright/test";
import { createTeamsFake } from "../test/fakes/teams";
import { api, configure, expectAccessible, login, openListedQuickView } from "./fixtures";
import { startVendorFakes } from "./integrations-fakes";

// Contract points of sections 5 and 6 that the other journeys do not reach: the Microsoft Teams
// section, the kind tabs by their exact names, the Monday dialog from every kind of issue, and
// the create dialogs stacked over the quick view.
test.describe.configure({ mode: "serial" });

let fakes: Awaited<ReturnType<typeof startVendorFakes>>;
const teamsFake = createTeamsFake();
const KINDS = [
  ["code", "Code"],
  ["log", "Log"],
  ["host", "Host"],
  ["productivity", "Productivity"],
  ["asset", "Asset"],
] as const;
const DETECTOR = (label: string) => `Contract ${label} probe`;

test.beforeAll(async ({ request }) => {
  fakes = await startVendorFakes();
  await teamsFake.start();
  fakes.jira.addUser({ email: "contract@acme.test", apiToken: "contract-jira-token", displayName: "Contract" });
  fakes.jira.addProject({ key: "CON", name: "Contract", issueTypes: [{ id: "10001", name: "Task" }] });
  fakes.monday.addToken("contract-monday-token");
  const ws = fakes.monday.addWorkspace({ name: "Contract space" });
  fakes.monday.addBoard({
    name: "Contract findings",
    workspace_id: ws.id,
    columns: [{ id: "name", title: "Name", type: "name" }],
  });
  const teams = (await api(request, "GET", "/teams")).body as { id: string }[];
  for (const t of teams)
    for (const provider of ["jira", "monday", "teams"])
      await api(request, "DELETE", `/teams/${t.id}/integrations/${provider}`);
  expect(
    (
      await api(request, "PUT", "/integrations/jira", {
        domainUrl: fakes.jira.url,
        email: "contract@acme.test",
        apiToken: "contract-jira-token",
      })
    ).status,
  ).toBe(200);
  expect((await api(request, "PUT", "/integrations/monday", { apiToken: "contract-monday-token" })).status).toBe(200);
  for (const [kind, label] of KINDS) {
    const ingest = await api(request, "POST", "/ingest", {
      asset: { id: `contract/${kind}`, name: `contract-${kind}`, kind },
      findings: [
        { detectorId: "CON001", detectorName: DETECTOR(label), severity: "error", path: "a.txt", content: "probe = 1" },
      ],
    });
    expect(ingest.status).toBe(200);
  }
});

test.afterAll(async ({ request }) => {
  for (const provider of ["teams", "jira", "monday"]) await api(request, "DELETE", `/integrations/${provider}`);
  expect(fakes.violations()).toEqual([]);
  expect(teamsFake.violations).toEqual([]);
  await Promise.all([fakes.stop(), teamsFake.stop()]);
});

/** The quick view of an issue of this kind, from its tab, selected and named as the contract says. */
async function openKindQuickView(page: Page, kind: string, detectorName: string) {
  await page.goto(`/code-security/issues?kind=${kind}&q=${encodeURIComponent(detectorName)}`);
  const label = KINDS.find(([k]) => k === kind)![1];
  await expect(page.getByRole("tab", { selected: true })).toHaveAccessibleName(label);
  return openListedQuickView(page, detectorName);
}

test("Microsoft Teams: Configure, Webhook URL, Minimum severity, Save, and Test with the receiver's HTTP status", async ({
  page,
}) => {
  await login(page, "admin");
  await page.goto("/code-security/settings/integrations");
  const section = await configure(page.getByRole("region", { name: "Microsoft Teams", exact: true }));
  const url = teamsFake.addWorkflow();
  await section.getByLabel("Webhook URL").fill(url);
  await expect(section.getByLabel("Minimum severity")).toBeVisible();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Microsoft Teams settings saved" })).toBeVisible();
  // The saved URL comes back masked; its signature never reaches the page again.
  await expect(section.getByLabel("Webhook URL")).toHaveValue(/^••••/);
  expect(await page.content()).not.toContain(new URL(url).searchParams.get("sig")!);

  await section.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Microsoft Teams answered 202/ })).toBeVisible();
  expect(teamsFake.cards).toHaveLength(1);

  teamsFake.setWorkflowState(url, "deleted");
  await section.getByRole("button", { name: "Test", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: /Microsoft Teams answered 404 .*WorkflowNotFound/ }),
  ).toBeVisible();
});

test("the issues page names its tabs exactly Code, Log, Host, Productivity and Asset; each kind's quick view opens the Monday dialog", async ({
  page,
}) => {
  test.slow();
  await login(page, "member");
  await page.goto("/code-security/issues");
  for (const [, label] of KINDS) await expect(page.getByRole("tab", { name: label, exact: true })).toBeVisible();

  for (const [kind, label] of KINDS) {
    const quickView = await openKindQuickView(page, kind, DETECTOR(label));
    await expect(quickView.getByRole("button", { name: "Create Jira ticket" })).toBeEnabled();
    await quickView.getByRole("button", { name: "Create Monday item" }).click();
    const dialog = page.getByRole("dialog", { name: "Create Monday item" });
    await expect(dialog.getByRole("combobox", { name: "Workspace" })).toHaveValue(/.+/);
    await expect(dialog.getByRole("combobox", { name: "Board" })).toBeVisible();
    for (const [name, value] of [
      ["Severity", "error"],
      ["Asset", `contract/${kind}`],
      ["Content", /.+/],
      ["First seen", /^\d{4}-\d{2}-\d{2}$/],
    ] as const) {
      await expect(dialog.getByRole("textbox", { name, exact: true })).toHaveValue(value);
      await expect(dialog.getByRole("textbox", { name, exact: true })).toHaveAttribute("readonly", "");
    }
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.keyboard.press("Escape");
    await expect(quickView).toBeHidden();
  }
});

for (const [button, title] of [
  ["Create Monday item", "Create Monday item"],
  ["Create Jira ticket", "Create Jira ticket"],
] as const) {
  test(`"${title}" over the quick view: only the top dialog is exposed, and Escape closes only it`, async ({
    page,
  }) => {
    await login(page, "member");
    const quickView = await openKindQuickView(page, "code", DETECTOR("Code"));
    const opener = quickView.getByRole("button", { name: button });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: title });
    await expect(dialog).toBeVisible();
    // Assistive technology sees one dialog: the quick view behind is hidden from it and inert.
    await expect(page.getByRole("dialog")).toHaveCount(1);
    await expect(page.getByRole("dialog", { name: DETECTOR("Code") })).toHaveCount(0);
    const behind = page.locator('[role="dialog"][inert]');
    await expect(behind).toHaveCount(1);
    await expect(behind).toHaveAttribute("aria-hidden", "true");
    await expect(behind.getByText(DETECTOR("Code"), { exact: true })).toBeAttached();
    // Focus stays in the top dialog however far one tabs.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await expectAccessible(page);

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(quickView).toBeVisible();
    // Back in the quick view, exposed again, with focus on the button that opened the dialog.
    await expect(page.getByRole("dialog", { name: DETECTOR("Code") })).toBeVisible();
    await expect(opener).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(quickView).toBeHidden();
    // And from the quick view back to the row's button that opened it.
    await expect(
      page
        .getByRole("row")
        .filter({ hasText: DETECTOR("Code") })
        .getByRole("button", { name: /Contract Code probe/ }),
    ).toBeFocused();
  });
}
