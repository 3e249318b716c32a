import { describe, expect, it } from "vitest";
import { getProvider } from "@/lib/integrations/registry";
import { issueLink, newIssuesMessage } from "@/lib/integrations/payloads";
import { newIssuesPayloads, renderBody } from "@/lib/integrations/custom-webhook/notify";
import { sampleEvent } from "@/lib/integrations/events-webhook/notify";
import { eventFor, testTrigger } from "@/lib/integrations/pagerduty/notify";
import type { IntegrationConfig } from "@/lib/integrations/types";
import type { ChangedIssue, ChangeSet } from "@/lib/notifications/changes";
import { atLeast, atOrAbove, bySeverity, type Severity } from "@/lib/severity";

const asset = { id: "github.com/acme/app", name: "acme/app", url: "https://github.com/acme/app", teamId: null };
const issue = (id: string, severity: Severity, over: Partial<ChangedIssue> = {}): ChangedIssue => ({
  id,
  assetId: asset.id,
  detectorId: `D-${id}`,
  detectorName: `Detector ${id}`,
  severity,
  path: `src/${id}.ts`,
  uri: `https://github.com/acme/app/blob/main/src/${id}.ts`,
  ...over,
});
const notify = (provider: string, change: Omit<ChangeSet, "asset">, min: Severity = "info") =>
  getProvider(provider)!.notify!({ asset, ...change }, min);
const ids = (out: ReturnType<typeof notify>) =>
  out.map((o) =>
    "event" in o ? `${o.event}:${o.ids.join(",")}` : `${o.kind}:${(o.payload as { issue: { id: string } }).issue.id}`,
  );

describe("severities", () => {
  it("rank error above warning above info, and filter by a minimum", () => {
    expect(atOrAbove("error", "warning")).toBe(true);
    expect(atOrAbove("warning", "warning")).toBe(true);
    expect(atOrAbove("info", "warning")).toBe(false);
    const list = [issue("a", "info"), issue("b", "error"), issue("c", "warning")];
    expect(atLeast(list, "warning").map((i) => i.id)).toEqual(["b", "c"]);
    expect(atLeast(undefined, "info")).toEqual([]);
    expect([...list].sort(bySeverity).map((i) => i.id)).toEqual(["b", "c", "a"]);
  });
});

describe("what a PagerDuty integration is sent", () => {
  it("triggers an alert for each new or reopened issue at or above its minimum", () => {
    const out = notify(
      "pagerduty",
      {
        created: [issue("new", "error"), issue("low", "info")],
        updated: [issue("back", "warning", { reopened: true }), issue("edited", "error")],
      },
      "warning",
    );
    expect(ids(out)).toEqual(["pagerduty_trigger:new", "pagerduty_trigger:back"]);
    expect(out[1]).toEqual({
      kind: "pagerduty_trigger",
      payload: { action: "trigger", issue: issue("back", "warning") },
    });
  });

  it("sends no resolve itself: those go where its alerts are open, and it says which of its deliveries open one", () => {
    const pd = getProvider("pagerduty")!;
    expect(
      notify("pagerduty", {
        resolved: [issue("fixed", "error")],
        ignored: [issue("ignored", "warning")],
        deleted: [issue("deleted", "info")],
      }),
    ).toEqual([]);
    const [trigger] = notify("pagerduty", { created: [issue("new", "error")] });
    expect(pd.openAlerts!.opens(trigger)).toBe("new");
    const resolve = pd.openAlerts!.resolve(issue("new", "error", { wasOpen: true }));
    expect(resolve).toEqual({
      kind: "pagerduty_resolve",
      payload: { action: "resolve", issue: issue("new", "error") },
    });
    expect(pd.openAlerts!.opens(resolve)).toBeUndefined();
    expect(getProvider("slack")!.openAlerts).toBeUndefined();
  });

  it("sends the trigger with the issue id as dedup key, so the resolve closes exactly that alert", () => {
    const config: IntegrationConfig = {
      id: "00000000-0000-4000-8000-000000000001",
      provider: "pagerduty",
      teamId: null,
      enabled: true,
      minSeverity: "info",
      settings: {},
      secrets: { routingKey: "R0123456789abcdefR0123456789abcd" },
    };
    const request = getProvider("pagerduty")!.buildRequest!(
      config,
      { action: "resolve", issue: issue("fixed", "error") },
      null,
      () => Promise.reject(new Error("no vendor call")),
    ) as { method: string; headers: Record<string, string>; body: string };
    expect(request.method).toBe("POST");
    expect(request.headers).toEqual({ "content-type": "application/json" });
    expect(JSON.parse(request.body)).toEqual({
      routing_key: "R0123456789abcdefR0123456789abcd",
      event_action: "resolve",
      dedup_key: "fixed",
    });
    const trigger = eventFor("rk", { action: "trigger", issue: issue("new", "warning") });
    expect(trigger).toEqual({
      routing_key: "rk",
      event_action: "trigger",
      dedup_key: "new",
      payload: {
        summary: `Detector new (D-new) in ${asset.id}: src/new.ts`,
        source: asset.id,
        severity: "warning",
        component: "src/new.ts",
        class: "D-new",
        custom_details: { detector: "Detector new", severity: "warning", asset: asset.id, path: "src/new.ts" },
      },
      links: [
        { href: issueLink("new"), text: "View in Code Security" },
        { href: "https://github.com/acme/app/blob/main/src/new.ts", text: "View the source" },
      ],
      client: "Code Security",
      client_url: issueLink("new"),
    });
  });

  it("keeps a trigger within PagerDuty's limits, and links only web sources", () => {
    const long = eventFor("rk", {
      action: "trigger",
      issue: issue("x", "error", { detectorName: "n".repeat(2000), path: null, uri: "file:///etc/passwd" }),
    });
    expect(long.payload!.summary).toHaveLength(1024);
    expect(long.payload!.summary.endsWith("…")).toBe(true);
    expect(long.payload!.component).toBeUndefined();
    expect(long.payload!.custom_details).not.toHaveProperty("path");
    expect(long.links).toEqual([{ href: issueLink("x"), text: "View in Code Security" }]);
    const exact = `${"n".repeat(1024 - ` (D-x) in ${asset.id}`.length)}`;
    expect(
      eventFor("rk", { action: "trigger", issue: issue("x", "error", { detectorName: exact, path: "" }) }).payload!
        .summary,
    ).toBe(`${exact} (D-x) in ${asset.id}`);
    expect(testTrigger("rk", "t-1")).toMatchObject({ routing_key: "rk", event_action: "trigger", dedup_key: "t-1" });
  });
});

describe("PagerDuty's test event, limits and links", () => {
  it("sends a test trigger that says what it is", () => {
    expect(testTrigger("rk", "t-1")).toEqual({
      routing_key: "rk",
      event_action: "trigger",
      dedup_key: "t-1",
      payload: {
        summary: "Code Security test event: this alert resolves itself at once",
        source: "code-security",
        severity: "info",
      },
      client: "Code Security",
    });
  });

  it("links the source only when it is an http(s) address", () => {
    const links = (uri: string) => eventFor("rk", { action: "trigger", issue: issue("x", "error", { uri }) }).links;
    expect(links("http://git.example.com/x")).toHaveLength(2);
    expect(links("javascript:alert('https://x')")).toHaveLength(1);
  });

  it("sends at most 2 events a second per integration, and an empty routing key when none is stored", () => {
    const pd = getProvider("pagerduty")!;
    const config: IntegrationConfig = {
      id: "i-1",
      provider: "pagerduty",
      teamId: null,
      enabled: true,
      minSeverity: "info",
      settings: {},
      secrets: {},
    };
    expect(pd.rateLimit!(config)).toEqual({ key: "pagerduty:i-1", ratePerSecond: 2, burst: 10 });
    const request = pd.buildRequest!(config, { action: "resolve", issue: issue("x", "error") }, null, () =>
      Promise.reject(new Error("no vendor call")),
    ) as { body: string };
    expect(JSON.parse(request.body).routing_key).toBe("");
  });
});

describe("the webhooks' samples and answers", () => {
  it("an Events Webhook counts any 2xx as delivered, nothing else", () => {
    const events = getProvider("events-webhook")!;
    expect([199, 200, 204, 299, 300, 500].map((s) => events.judgeResponse!(s, "").ok)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("a Test sends an issue_created event naming one issue, at this time", () => {
    const before = Date.now();
    const event = sampleEvent();
    expect(event).toMatchObject({ name: "issue_created", ids: ["00000000-0000-4000-8000-000000000001"] });
    expect(new Date(event.time).getTime()).toBeGreaterThanOrEqual(before);
  });

  it("a Custom Webhook body has an empty uri for an issue without one", () => {
    const [payload] = newIssuesPayloads([issue("n", "error", { uri: null })]);
    expect(JSON.parse(renderBody(payload)).issues[0].uri).toBe("");
  });
});

describe("what the Events Webhook is sent", () => {
  it("one event per kind of change, with the ids at or above its minimum, then the ingest summary last", () => {
    const out = notify(
      "events-webhook",
      {
        assetEvent: "asset_updated",
        created: [issue("c1", "error"), issue("c2", "info")],
        updated: [issue("u1", "warning")],
        resolved: [issue("r1", "info")],
        ignored: [issue("i1", "error")],
        deleted: [issue("d1", "warning"), issue("d2", "error")],
        ingest: { created: 2, updated: 1, resolved: 1, deleted: 2 },
      },
      "warning",
    );
    expect(out.slice(0, -1)).toEqual([
      { event: "asset_updated", ids: [asset.id] },
      { event: "issue_created", ids: ["c1"] },
      { event: "issue_updated", ids: ["u1"] },
      { event: "issue_ignored", ids: ["i1"] },
      { event: "issue_deleted", ids: ["d1", "d2"] },
    ]);
    expect(out.at(-1)).toMatchObject({
      kind: "ingest_completed",
      afterEarlier: true,
      payload: {
        name: "ingest_completed",
        id: asset.id,
        issues_created_count: 2,
        issues_updated_count: 1,
        issues_resolved_count: 1,
        issues_deleted_count: 2,
      },
    });
  });

  it("sends nothing for a change with nothing at or above its minimum and no asset or ingest event", () => {
    expect(notify("events-webhook", { created: [issue("c", "info")] }, "error")).toEqual([]);
  });
});

describe("what the Custom Webhook, Slack and Teams are sent", () => {
  it("the Custom Webhook: the new issues at or above its minimum only, 500 a body", () => {
    const created = Array.from({ length: 501 }, (_, n) => issue(`n${n}`, "error"));
    const out = notify(
      "custom-webhook",
      {
        created: [...created, issue("low", "info")],
        resolved: [issue("r", "error")],
      },
      "warning",
    );
    expect(out.map((o) => ("kind" in o ? [o.kind, (o.payload as { issues: unknown[] }).issues.length] : o))).toEqual([
      ["issues_created", 500],
      ["issues_created", 1],
    ]);
    expect(notify("custom-webhook", { resolved: [issue("r", "error")] })).toEqual([]);
  });

  it("Slack and Teams: one message per change with new issues at or above the minimum, most severe first", () => {
    for (const provider of ["slack", "teams"]) {
      const out = notify(
        provider,
        { created: [issue("w", "warning"), issue("i", "info"), issue("e", "error")], updated: [issue("u", "error")] },
        "warning",
      );
      expect(out).toEqual([
        {
          kind: "issues_created",
          payload: {
            asset: { id: asset.id, name: asset.name, url: asset.url },
            issues: [issue("e", "error"), issue("w", "warning")],
          },
        },
      ]);
      expect(notify(provider, { created: [issue("i", "info")], resolved: [issue("r", "error")] }, "warning")).toEqual(
        [],
      );
    }
    expect(newIssuesMessage({ asset, created: [] }, "info")).toEqual([]);
  });

  it("links each issue to this app, at APP_URL or else on this machine's port", () => {
    const previous = { APP_URL: process.env.APP_URL, PORT: process.env.PORT };
    try {
      process.env.APP_URL = "https://cs.example.com/";
      expect(issueLink("a b")).toBe("https://cs.example.com/code-security/issues?issue=a%20b");
      delete process.env.APP_URL;
      delete process.env.PORT;
      expect(issueLink("a")).toBe("http://localhost:3000/code-security/issues?issue=a");
      process.env.PORT = "4100";
      expect(issueLink("a")).toBe("http://localhost:4100/code-security/issues?issue=a");
    } finally {
      for (const [key, value] of Object.entries(previous))
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
  });
});
