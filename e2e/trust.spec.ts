import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Agent, fetch } from "undici";
import { api, configure, expectAccessible, login } from "./fixtures";
import { APP_PORT, BASE_URL, LEAD } from "./ports";

const serverLog = () => readFileSync(path.join(process.env.E2E_DATA_DIR!, "server.log"), "utf8");

test.describe("security headers", () => {
  test("every page and API answer says nosniff, a strict referrer policy and a CSP nothing may frame", async ({
    page,
    request,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const pages = ["/login", "/no-such-page"];
    for (const p of pages) {
      const response = await request.get(p);
      expect(response.headers()["x-content-type-options"], p).toBe("nosniff");
      expect(response.headers()["referrer-policy"], p).toBe("strict-origin-when-cross-origin");
      expect(response.headers()["content-security-policy"], p).toMatch(/frame-ancestors 'none'/);
      expect(response.headers()["content-security-policy"], p).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(response.headers()["content-security-policy"], p).not.toContain("unsafe-inline' 'self'");
    }
    for (const [p, status] of [
      ["/api/v1/issues", 401],
      ["/api/v1/assets/%", 400],
    ] as const) {
      const response = await request.get(p);
      expect(response.status(), p).toBe(status);
      expect(response.headers()["x-content-type-options"], p).toBe("nosniff");
    }
    const apiAnswer = await request.get("/api/v1/issues");
    expect(apiAnswer.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(apiAnswer.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");

    // The app still works under its policy: sign in, open the issues and the settings, no refusals.
    await login(page, "admin");
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("navigation", { name: "Code Security" }).getByRole("link", { name: "Integrations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
    const settings = await request.get("/code-security/settings/integrations");
    expect(settings.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(violations).toEqual([]);
  });
});

/** Auth.js's credentials sign-in over HTTP, from a chosen loopback address. */
async function signInFrom(localAddress: string, email: string, password: string): Promise<"signed-in" | string> {
  const dispatcher = new Agent({ localAddress });
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`, { dispatcher });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    dispatcher,
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": "203.0.113.99" },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      callbackUrl: `${BASE_URL}/code-security/issues`,
    }).toString(),
  });
  await dispatcher.close();
  if (response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))) return "signed-in";
  return new URL(response.headers.get("location") ?? "", BASE_URL).searchParams.get("code") ?? "unknown";
}

test.describe("sign-in throttling", () => {
  test("an attacker's failures lock their own address, not the owner's; each failure is one log line", async () => {
    const logBefore = serverLog().length;
    // Ten guesses are checked (the later ones slowed down), the eleventh is refused unread, even
    // with the right password. X-Forwarded-For is not trusted, so spoofing it gives no fresh count.
    for (let i = 0; i < 10; i++) expect(await signInFrom("127.0.0.2", LEAD.email, `guess-${i}`)).toBe("credentials");
    expect(await signInFrom("127.0.0.2", LEAD.email, LEAD.password)).toBe("too_many_attempts");
    expect(await signInFrom("127.0.0.1", LEAD.email, LEAD.password)).toBe("signed-in");

    const lines = serverLog()
      .slice(logBefore)
      .split("\n")
      .filter((l) => l.includes("sign-in failed"));
    expect(lines).toHaveLength(11);
    expect(lines.every((l) => JSON.parse(l).msg === "auth: sign-in failed")).toBe(true);
    const tail = serverLog().slice(logBefore);
    expect(tail).not.toContain(LEAD.email);
    expect(tail).not.toContain("guess-");
    expect(tail).not.toMatch(/\n\s+at /);
  });
});

/** Stream a chunked body of up to `totalBytes` to the server; how much it took before answering. */
function streamTo(
  pathname: string,
  headers: Record<string, string>,
  totalBytes: number,
): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let written = 0;
    let answered = false;
    const req = http.request(
      {
        host: "127.0.0.1",
        port: APP_PORT,
        path: pathname,
        method: "POST",
        headers: { ...headers, "transfer-encoding": "chunked" },
      },
      (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, written });
        req.destroy();
      },
    );
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && written < totalBytes) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test.describe("bodies are read only after the caller is authorized", () => {
  test("a member streaming 300 MB to a Test and an anonymous 400 MB hook post are refused without being read", async ({
    request,
  }) => {
    const member = await api(request, "GET", "/teams");
    const analyst = member.body
      .flatMap((t: { members: { userId: string; email: string }[] }) => t.members)
      .find((m: { email: string }) => m.email === "analyst@example.com");
    const token = (await api(request, "POST", `/users/${analyst.userId}/tokens`, { name: "streaming member" })).body
      .token;

    const test = await streamTo(
      "/api/v1/integrations/slack/test",
      { authorization: `Bearer ${token}` },
      300 * 1024 * 1024,
    );
    expect(test.status).toBe(403);
    // What sat in socket buffers when the answer came, nowhere near the 300 MB offered.
    expect(test.written).toBeLessThan(32 * 1024 * 1024);

    const hook = await streamTo("/api/v1/hooks/jira/00000000-0000-4000-8000-000000000000", {}, 400 * 1024 * 1024);
    expect(hook.status).toBe(401);
    expect(hook.written).toBeLessThan(32 * 1024 * 1024);
  });
});

test.describe("stored secrets stay where they were typed", () => {
  test("a lead moving the team's Jira to another site is asked for the API token again, and sees the Test in the audit log", async ({
    page,
    request,
  }) => {
    const teams = (await api(request, "GET", "/teams")).body as { id: string; name: string }[];
    const platform = teams.find((t) => t.name === "Platform")!;
    const path = `/teams/${platform.id}/integrations/jira`;
    const saved = await api(request, "PUT", path, {
      domainUrl: "http://127.0.0.1:9",
      email: "jira-admin@acme.test",
      apiToken: "admin-typed-team-token",
    });
    expect(saved.status).toBe(200);
    try {
      await login(page, "lead");
      await page.goto("/code-security/settings/integrations");
      const jira = await configure(page.getByRole("region", { name: "Jira" }));
      await expect(jira.getByLabel("API Token")).toHaveValue(/^••••/);
      await jira.getByLabel("Domain URL").fill("http://127.0.0.2:9");
      await jira.getByRole("button", { name: "Save", exact: true }).click();
      await expect(jira.getByText("Enter the API Token again: the Domain URL changed")).toBeVisible();
      await jira.getByRole("button", { name: "Test", exact: true }).click();
      await expect(jira.getByText("Enter the API Token again: the Domain URL changed")).toBeVisible();
      await expectAccessible(page);
      await jira.screenshot({ path: "test-results/trust-jira-destination.png" });

      // The saved site is tested as it is: that Test is in the lead's audit log, with its host.
      await page.reload();
      await (
        await configure(page.getByRole("region", { name: "Jira" }))
      )
        .getByRole("button", { name: "Test", exact: true })
        .click();
      await expect(
        page.getByRole("region", { name: "Jira" }).getByText(/Last test, .*Jira could not be reached/),
      ).toBeVisible();
      await page.goto("/code-security/settings/audit");
      await expect(
        page
          .getByRole("row")
          .filter({ hasText: "Integration tested" })
          .filter({ hasText: "host: 127.0.0.1:9" })
          .first(),
      ).toBeVisible();
      expect(await page.content()).not.toContain("admin-typed-team-token");
    } finally {
      await api(request, "DELETE", path);
    }
  });
});
