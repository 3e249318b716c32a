import { describe, expect, it } from "vitest";
import { customWebhook } from "@/lib/integrations/custom-webhook";
import { newIssuesPayloads, renderBody as renderIssues } from "@/lib/integrations/custom-webhook/notify";
import { eventsWebhook } from "@/lib/integrations/events-webhook";
import { ingestCompletedEvent, renderBody as renderEvent } from "@/lib/integrations/events-webhook/notify";
import type { IntegrationConfig } from "@/lib/integrations/types";

const config = (
  provider: "custom-webhook" | "events-webhook",
  settings: Record<string, unknown> = {},
): IntegrationConfig => ({
  id: "00000000-0000-4000-8000-000000000001",
  provider,
  teamId: null,
  enabled: true,
  minSeverity: "info",
  settings,
  secrets: { url: "https://hooks.example.com/spectral", token: "tok" },
});

describe("the Custom Webhook and Events Webhook providers", () => {
  it("make a URL-safe signing token of at least 32 random bytes, each time a new one", () => {
    const a = customWebhook.generateSecrets!().token;
    const b = eventsWebhook.generateSecrets!().token;
    expect(a).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(a).not.toBe(b);
    expect(customWebhook.secretFields).toEqual(["url", "token"]);
  });

  it("accept https URLs, and http or private hosts only when private targets are allowed", () => {
    const previous = process.env.OUTBOUND_ALLOW_PRIVATE;
    try {
      process.env.OUTBOUND_ALLOW_PRIVATE = "false";
      expect(customWebhook.form.schema.safeParse({ url: "https://hooks.example.com/x" }).success).toBe(true);
      expect(customWebhook.form.schema.safeParse({ url: "http://hooks.example.com/x" }).success).toBe(false);
      expect(eventsWebhook.form.schema.safeParse({ url: "https://10.0.0.5/x" }).success).toBe(false);
      process.env.OUTBOUND_ALLOW_PRIVATE = "true";
      expect(
        customWebhook.form.schema.safeParse({ url: "http://127.0.0.1:8080/x", rateLimitPerSecond: "5" }).success,
      ).toBe(true);
    } finally {
      process.env.OUTBOUND_ALLOW_PRIVATE = previous;
    }
  });

  it("count only 200 for the Custom Webhook and any 2xx for events; 410 disables both", () => {
    expect(customWebhook.judgeResponse!(200, "").ok).toBe(true);
    expect(customWebhook.judgeResponse!(202, "").ok).toBe(false);
    expect(eventsWebhook.judgeResponse!(202, "").ok).toBe(true);
    expect(customWebhook.judgeResponse!(410, "gone")).toMatchObject({ ok: false, disable: true, message: "gone" });
    expect(eventsWebhook.judgeResponse!(410, "")).toMatchObject({ ok: false, disable: true });
  });

  it("send exactly the contract's fields, at most 500 issues a body", () => {
    const issue = {
      id: "i",
      assetId: "a",
      detectorId: "D1",
      detectorName: "Det",
      severity: "error" as const,
      uri: "https://x",
      path: "p",
    };
    const payloads = newIssuesPayloads(Array.from({ length: 1001 }, () => issue));
    expect(payloads.map((p) => p.issues.length)).toEqual([500, 500, 1]);
    expect(renderIssues(payloads[2])).toBe(
      '{"issues":[{"assetId":"a","detectorId":"D1","detectorName":"Det","severity":"error","uri":"https://x"}]}',
    );
    const request = customWebhook.buildRequest!(config("custom-webhook"), payloads[2], null, () =>
      Promise.reject(new Error("no vendor call")),
    );
    expect(request).toMatchObject({ url: "https://hooks.example.com/spectral", method: "POST", signingToken: "tok" });
  });

  it("render events in the contract's field order", () => {
    const at = new Date("2026-11-28T19:38:30.123Z");
    expect(
      renderEvent(ingestCompletedEvent("github.com/a/b", { created: 1, updated: 2, resolved: 3, deleted: 4 }, at)),
    ).toBe(
      '{"name":"ingest_completed","id":"github.com/a/b","issues_deleted_count":4,"issues_created_count":1,"issues_updated_count":2,"issues_resolved_count":3,"time":"2026-11-28T19:38:30.123Z"}',
    );
    expect(renderEvent({ time: "t", ids: ["x"], name: "issue_updated" })).toBe(
      '{"name":"issue_updated","ids":["x"],"time":"t"}',
    );
  });

  it("rate-limit a webhook only when its administrator set a limit", () => {
    expect(customWebhook.rateLimit!(config("custom-webhook"))).toBeUndefined();
    expect(eventsWebhook.rateLimit!(config("events-webhook", { rateLimitPerSecond: 5 }))).toMatchObject({
      ratePerSecond: 5,
    });
  });
});
