import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { ADMIN, ADMIN_API_TOKEN, APP_PORT, BASE_URL, DEMO_PASSWORDS, fakeUrl } from "./e2e/ports";

// Debian's Chromium where it exists (Playwright's own download cannot be reached here).
const systemChromium = "/usr/bin/chromium";
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
// One data folder per run, shared with the test workers through the environment. The runner that
// made it removes it when it exits, after the web server has stopped (E2E_KEEP_DATA=1 keeps it).
if (!process.env.E2E_DATA_DIR) {
  const made = mkdtempSync(path.join(tmpdir(), "cs-e2e-"));
  process.env.E2E_DATA_DIR = made;
  if (!process.env.E2E_KEEP_DATA) process.on("exit", () => rmSync(made, { recursive: true, force: true }));
}
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } }],
  webServer: {
    command: `node scripts/serve.mjs`,
    url: `${BASE_URL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(APP_PORT),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ADMIN_API_TOKEN,
      SEED_DEMO: "true",
      DEMO_PASSWORDS,
      OUTBOUND_ALLOW_PRIVATE: "true",
      MONDAY_API_URL: `${fakeUrl("monday")}/v2`,
      PAGERDUTY_EVENTS_URL: `${fakeUrl("pagerduty")}/v2/enqueue`,
      EVENTS_COALESCE_MS: "200",
      DELIVERY_RETRY_BASE_MS: "500",
      APP_URL: BASE_URL,
      SERVER_LOG_FILE: path.join(dataDir, "server.log"),
    },
  },
});
