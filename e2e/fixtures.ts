import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { ADMIN, ADMIN_API_TOKEN, BASE_URL, LEAD, MEMBER } from "./ports";

export const USERS = { admin: ADMIN, lead: LEAD, member: MEMBER } as const;
export type Who = keyof typeof USERS;

/** Sign in through the login form, as a person would. */
export async function login(page: Page, who: Who): Promise<void> {
  const { email, password } = USERS[who];
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/code-security(\/|$|\?)/);
}

/** No serious or critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Call the REST API as the bootstrap administrator (or with another token). */
export async function api(
  request: APIRequestContext,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  token = ADMIN_API_TOKEN,
) {
  const response = await request.fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status(), body: text ? JSON.parse(text) : null };
}

/**
 * The page does not scroll sideways. When it does, the message names what sticks out: a box or a
 * text past the edge, or a positioned box (an sr-only label, say) that escaped a scroll container
 * because its containing block lies outside it.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // Charts take their width from a ResizeObserver, a frame or two after a viewport change: look
  // again until the layout settles, and fail if something still sticks out after 5 s.
  await expect(async () => sidewaysScroll(page)).toPass({ timeout: 5_000 });
}

async function sidewaysScroll(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    const edge = root.clientWidth + 0.5;
    const culprits: string[] = [];
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()} class="${String(el.getAttribute("class") ?? "").slice(0, 60)}"> "${(el.getAttribute("aria-label") || el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
    const walk = (el: Element, insideScroller: boolean) => {
      const style = getComputedStyle(el);
      const positioned = style.position === "absolute" || style.position === "fixed";
      if (el.getBoundingClientRect().right > edge && (!insideScroller || positioned)) {
        culprits.push(describe(el));
        return;
      }
      const scroller = insideScroller || (style.overflowX !== "visible" && el !== document.body);
      for (const child of Array.from(el.childNodes)) {
        if (child.nodeType === Node.ELEMENT_NODE) walk(child as Element, scroller);
        else if (child.nodeType === Node.TEXT_NODE && !scroller) {
          const range = document.createRange();
          range.selectNode(child);
          if (range.getBoundingClientRect().right > edge) culprits.push(`text in ${describe(el)}`);
        }
      }
    };
    if (root.scrollWidth > root.clientWidth) walk(document.body, false);
    return { overflow: root.scrollWidth - root.clientWidth, culprits: culprits.slice(0, 8) };
  });
  expect(
    found.overflow,
    `no sideways scrolling at ${page.viewportSize()?.width} px; past the edge: ${found.culprits.join(" | ")}`,
  ).toBeLessThanOrEqual(0);
}

/** Open an integration section's form (its "Configure" button), if it is not open yet. */
export async function configure(section: Locator): Promise<Locator> {
  const button = section.getByRole("button", { name: "Configure", exact: true });
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  return section;
}

/** Open the quick view of the issue with this detector, searched by its name on the issues page. */
export async function openQuickView(page: Page, detectorName: string): Promise<Locator> {
  await page.goto(`/code-security/issues?q=${encodeURIComponent(detectorName)}`);
  return openListedQuickView(page, detectorName);
}

/** Open the quick view of the issue with this detector from the issues list on the page. Answers the dialog. */
export async function openListedQuickView(page: Page, detectorName: string): Promise<Locator> {
  await page
    .getByRole("row")
    .filter({ hasText: detectorName })
    .getByRole("button", { name: new RegExp(detectorName) })
    .click();
  const quickView = page.getByRole("dialog", { name: detectorName });
  await expect(quickView).toBeVisible();
  return quickView;
}
