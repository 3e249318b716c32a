import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/db/client";
import { integrations } from "@/db/schema";
import { POST as hookRoute } from "@/app/api/v1/hooks/[provider]/[integrationId]/route";
import { encryptSecrets } from "@/lib/crypto/secrets";
import type { DeliveryWorker } from "@/lib/delivery/worker";
import { ScanRunner } from "@/lib/scanning/runner";
import { loadScanSettings } from "@/lib/scanning/settings";
import { createJiraFake, createSlackFake } from "@/test/fakes";
import { setupAdmin } from "@/test/support/api";
import { startTestWorker, waitFor } from "./delivery-fixtures";
import { createScanIntegration, issuesOf, seedJira } from "./scan-harness";
import { expectDocumented } from "@/test/support/openapi";

const jira = createJiraFake();
const slack = createSlackFake();
const events: { name?: string; ids?: string[] }[] = [];
const receiver = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    events.push(JSON.parse(raw));
    res.writeHead(200).end("ok");
  });
});
let worker: DeliveryWorker;
const runner = new ScanRunner({ idleMs: 100, log: () => {} });

beforeAll(async () => {
  process.env.EVENTS_COALESCE_MS = "50";
  await setupAdmin();
  await Promise.all([
    jira.start(),
    slack.start(),
    new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r())),
  ]);
  const eventsUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;
  await db.insert(integrations).values([
    { provider: "slack", settings: {}, secrets: encryptSecrets({ webhookUrl: slack.addWebhook() }) },
    {
      provider: "events-webhook",
      settings: {},
      secrets: encryptSecrets({ url: eventsUrl, token: "events-signing-token-0123456789abcdef" }),
    },
  ]);
  worker = await startTestWorker();
  runner.start();
});
afterAll(async () => {
  await runner.stop();
  await worker.stop();
  await Promise.all([jira.stop(), slack.stop(), new Promise<void>((r) => receiver.close(() => r()))]);
});

it(
  "an issue-updated event from Jira becomes an issue, a Slack message and an Events Webhook event within seconds",
  { timeout: 30_000 },
  async () => {
    const planted = seedJira(jira, ["PAY"], 6);
    const integrationId = await createScanIntegration("jira", jira.url);
    const { webhookToken } = await loadScanSettings(integrationId);
    const target = planted.find((p) => !p.path.includes("#"))!;
    const body = JSON.stringify({
      webhookEvent: "jira:issue_updated",
      timestamp: Date.now(),
      issue: { id: "10001", key: target.path },
    });

    const started = performance.now();
    const response = await hookRoute(
      new Request(`http://localhost/api/v1/hooks/jira/${integrationId}?token=${webhookToken}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
      { params: Promise.resolve({ provider: "jira", integrationId }) },
    );
    expect(response.status).toBe(202);
    // Queued, not scanned inline: well under the vendors' 10 s webhook timeout, even on a busy machine.
    expect(performance.now() - started).toBeLessThan(5_000);
    await expectDocumented(hookRoute, response.status, await response.json());

    const [issue] = await waitFor(
      async () => {
        const found = await issuesOf(`jira:${new URL(jira.url).host}/PAY`);
        return found.length ? found : undefined;
      },
      10_000,
      "the issue",
    );
    expect(issue).toMatchObject({ detectorId: target.detectorId, path: target.path, status: "open" });
    const message = await waitFor(async () => slack.messages[0], 10_000, "the Slack message");
    expect(JSON.stringify(message)).toContain("PAY");
    expect(JSON.stringify(message)).not.toContain(target.secret);
    await waitFor(async () => events.find((e) => e.name === "issue_created"), 10_000, "the issue_created event");
    expect(JSON.stringify(events)).not.toContain(target.secret);
    expect(jira.violations).toEqual([]);
    expect(slack.violations).toEqual([]);
  },
);
