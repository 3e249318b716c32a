import http from "node:http";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  admin,
  alive,
  descendants,
  freePort,
  npm,
  portIsFree,
  statusOf,
  type Started,
} from "../test/support/processes";
import { waitFor } from "../test/support/wait";

// README's `npm start` in a data folder of its own, on a port of its own, beside the suite's server.
test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const TOKEN = "cs_lifecycle_token_0123456789abcdefghijklmnop";
let dataDir: string;
let port: number;

test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "cs-lifecycle-"));
  port = await freePort();
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string> = {}): Started {
  return npm(["start"], {
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: "false",
    ADMIN_API_TOKEN: TOKEN,
    APP_URL: "",
    ...env,
  });
}

async function serving(started: Started) {
  await waitFor(
    async () =>
      (await statusOf(`http://127.0.0.1:${port}/api/health`)) === 200 ||
      (started.child.exitCode !== null && Promise.reject(new Error(started.output()))),
    120_000,
    "npm start to serve",
  );
  await waitFor(() => started.output().includes("Code Security is serving"), 30_000, "the start-up message");
}

/** Signal the npm process and wait for it to end; the seconds it took. */
async function stop(started: Started, signal: NodeJS.Signals = "SIGTERM"): Promise<number> {
  const sent = Date.now();
  started.child.kill(signal);
  await started.exited;
  return (Date.now() - sent) / 1000;
}

/**
 * An ingest whose body is still to come. It asks `Expect: 100-continue`, so `received` resolves
 * once the server has read its headers and begun handling it; `finish` sends the body and answers
 * the server's reply.
 */
function slowIngest(started: Started) {
  const body = JSON.stringify({
    asset: { id: "github.com/acme/in-flight", kind: "code" },
    findings: [{ detectorId: "CLD001", severity: "error", path: "a.env", content: "AKIAINFLIGHT" }],
  });
  const request = http.request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/api/v1/ingest",
    headers: {
      authorization: `Bearer ${TOKEN}`,
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      expect: "100-continue",
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on("response", (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    request.on("error", (error) => reject(new Error(`${error.message}; the server said:\n${started.output()}`)));
  });
  answer.catch(() => {}); // awaited by `finish`; a connection cut early fails the test there, with the log
  const received = new Promise<void>((resolve) => request.once("continue", () => resolve()));
  request.flushHeaders();
  return { received, finish: () => (request.end(body), answer) };
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} to npm start lets the request in flight finish, then stops web, worker and database within 10 s, leaving no process and a free port`, async () => {
    const started = start({ ADMIN_PASSWORD: "lifecycle-password-123" });
    await serving(started);
    const tree = descendants(started.child.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(2); // the launcher and the server
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(true);

    const ingest = slowIngest(started);
    await ingest.received;
    const stopped = stop(started, signal);
    await waitFor(
      () => started.output().includes(`[server] ${signal}: stopping`),
      10_000,
      "the server to begin stopping",
    );
    // Ours, and perhaps a health check of the start-up that a busy machine has not finished yet.
    expect(started.output()).toMatch(new RegExp(`\\[server\\] ${signal}: stopping \\([1-9]\\d* requests in flight\\)`));
    const answer = await ingest.finish();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ assetId: "github.com/acme/in-flight", created: 1 });

    expect(await stopped).toBeLessThan(10);
    expect(started.output()).toContain("[server] stopped");
    expect(tree.filter(alive)).toEqual([]);
    expect(await portIsFree(port)).toBe(true);
    // The database was closed, not abandoned: its lock is gone and another process opens it.
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
    expect(admin(["reset-password", "admin@example.com"], { DATA_DIR: dataDir }).status).toBe(0);
  });
}

test("a later start says where it serves and how to reset a password, never a password; reset-password prints a new one once, which signs in, and is audited", async ({
  page,
}) => {
  // First start: the administrator's random password, shown once.
  const first = start();
  await serving(first);
  const password = /administrator:\s+admin@example\.com\s+(\S+)/.exec(first.output())?.[1];
  expect(password).toMatch(/^\S{12,}$/);
  expect(first.output()).toContain("Passwords are shown this once");
  await stop(first);

  const later = start();
  await serving(later);
  expect(later.output()).toContain(
    `Code Security is serving http://localhost:${port} (sign in at http://localhost:${port}/login)`,
  );
  expect(later.output()).toContain("npm run admin -- reset-password <email>");
  expect(later.output()).not.toContain(password!);
  expect(later.output()).not.toMatch(/password:\s/);

  // The embedded database is this server's alone: the command says what to do instead of waiting.
  const busy = admin(["reset-password", "admin@example.com"], { DATA_DIR: dataDir });
  expect(busy.status).toBe(1);
  expect(busy.output).toContain("Stop that process first");
  await stop(later);

  const reset = admin(["reset-password", "Admin@Example.com"], { DATA_DIR: dataDir });
  expect(reset.status).toBe(0);
  const fresh = /New password for admin@example\.com: (\S+)/.exec(reset.output)?.[1];
  expect(fresh).toBeTruthy();
  expect(fresh).not.toBe(password);
  expect(reset.output.split(fresh!).length - 1).toBe(1);
  expect(admin(["reset-password", "nobody@example.com"], { DATA_DIR: dataDir })).toMatchObject({
    status: 1,
    output: expect.stringContaining("not found"),
  });

  const again = start();
  await serving(again);
  expect(again.output()).not.toContain(fresh!);
  const base = `http://127.0.0.1:${port}`;
  const signIn = async (secret: string) => {
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill(secret);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await signIn(password!);
  await expect(page.getByRole("alert")).toContainText("do not match");
  await signIn(fresh!);
  await expect(page).toHaveURL(/\/code-security(\/|$)/);
  await page.goto(`${base}/code-security/settings/audit`);
  const row = page.getByRole("row", { name: /password reset/i });
  await expect(row).toContainText("operator (npm run admin)");
  await expect(row).toContainText("admin@example.com");
  await expect(page.getByText(fresh!)).toHaveCount(0);
  await stop(again);
});
