import { describe, expect, it } from "vitest";
import { displayDestination } from "@/lib/integrations/destination";
import { needsAttention, statusDetail, statusOf, type StatusFacts } from "@/lib/integrations/status";
import { relativeTime } from "@/lib/format/time";
import { settingsLinks, sectionLinks } from "@/components/shell/nav";

describe("displayDestination", () => {
  it("shows host and path, eliding Slack's ids and secret and any query", () => {
    expect(displayDestination("https://hooks.slack.com/services/T0123ABCD/B0456EFGH/xYz123SecretPart")).toBe(
      "hooks.slack.com/services/T…/B…/••••",
    );
    expect(displayDestination("https://hooks.acme.dev/code-security")).toBe("hooks.acme.dev/code-security");
    expect(displayDestination("https://acme.dev/api/v2/hooks?token=abc123secret")).toBe("acme.dev/api/v2/hooks?…");
    expect(displayDestination("http://127.0.0.1:3706/hooks/code-security")).toBe("127.0.0.1:3706/hooks/code-security");
    expect(displayDestination("https://acme.atlassian.net")).toBe("acme.atlassian.net");
  });

  it("never shows a segment that could be a token: digits, mixed case, long runs", () => {
    for (const secret of ["a1b2c3d4e5", "AbCdEfGhIjKlMnOp", "abcdefghijklmnopqrstuvwxyzabcdefghij", "9f8a7b6c"]) {
      const shown = displayDestination(`https://x.dev/in/${secret}/hook`)!;
      expect(shown).not.toContain(secret);
      expect(shown).toMatch(/^x\.dev\/in\/.…\/hook$/);
    }
    expect(displayDestination("not a url")).toBeNull();
    expect(displayDestination("")).toBeNull();
  });
});

const facts = (over: Partial<StatusFacts> = {}): StatusFacts => ({
  enabled: true,
  lastSuccessAt: null,
  lastError: null,
  lastErrorAt: null,
  failingSince: null,
  disabledReason: null,
  ...over,
});
const t = (s: string) => new Date(`2026-11-28T${s}Z`);

describe("statusOf: one status model", () => {
  it("Not configured, Connected (with or without a success yet), Failing since, Disabled, Paused", () => {
    expect(statusOf(undefined).state).toBe("not_configured");
    const fresh = statusOf(facts());
    expect(fresh).toMatchObject({ state: "connected", since: null });
    expect(statusDetail(fresh)).toBe("Nothing sent yet");
    expect(statusOf(facts({ lastSuccessAt: t("10:00:00") }))).toMatchObject({
      state: "connected",
      since: "2026-11-28T10:00:00.000Z",
    });
    const failing = statusOf(
      facts({
        lastSuccessAt: t("10:00:00"),
        lastErrorAt: t("11:00:00"),
        lastError: "HTTP 500: down",
        failingSince: t("10:30:00"),
      }),
    );
    expect(failing).toMatchObject({ state: "failing", since: "2026-11-28T10:30:00.000Z" });
    expect(statusDetail(failing)).toBe("HTTP 500: down");
    // A Test that failed after the last success counts, even before the engine set failingSince.
    expect(statusOf(facts({ lastSuccessAt: t("10:00:00"), lastErrorAt: t("11:00:00") })).state).toBe("failing");
    expect(statusOf(facts({ lastSuccessAt: t("12:00:00"), lastErrorAt: t("11:00:00") })).state).toBe("connected");
    const off = statusOf(
      facts({ enabled: false, disabledReason: "Turned off by ann@acme.dev", failingSince: t("10:00:00") }),
    );
    expect(off.state).toBe("disabled");
    expect(statusDetail(off)).toBe("Turned off by ann@acme.dev");
    expect(needsAttention(off)).toBe(false);
    expect(needsAttention(statusOf(facts({ enabled: false, disabledReason: "Failed continuously for 3 days" })))).toBe(
      true,
    );
    const paused = statusOf(facts({ lastSuccessAt: t("10:00:00") }), "Waiting for the global Monday integration");
    expect(paused).toMatchObject({ state: "paused" });
    expect(statusDetail(paused)).toBe("Waiting for the global Monday integration");
  });
});

describe("relativeTime: the one time format", () => {
  const now = new Date("2026-11-28T12:00:00Z").getTime();
  it("reads as a person says it, with the date past 60 days", () => {
    expect(relativeTime("2026-11-28T11:59:40Z", now)).toBe("just now");
    expect(relativeTime("2026-11-28T11:55:00Z", now)).toBe("5 min ago");
    expect(relativeTime("2026-11-28T09:00:00Z", now)).toBe("3 h ago");
    expect(relativeTime("2026-11-25T12:00:00Z", now)).toBe("3 d ago");
    expect(relativeTime("2026-11-28T12:04:00Z", now)).toBe("in 4 min");
    expect(relativeTime("2026-08-01T12:00:00Z", now)).toBe("2026-08-01");
  });
});

describe("navigation by role", () => {
  it("analysts see neither Integrations nor the Audit log; settings nest under Settings", () => {
    expect(settingsLinks("member").map((l) => l.label)).toEqual(["Teams", "API tokens"]);
    expect(settingsLinks("lead").map((l) => l.label)).toEqual(["Integrations", "Teams", "API tokens", "Audit log"]);
    expect(sectionLinks("admin").map((l) => l.label)).toEqual(["Overview", "Issues", "Assets", "Settings"]);
    expect(
      sectionLinks("member")
        .find((l) => l.label === "Settings")!
        .children!.map((l) => l.label),
    ).toEqual(["Teams", "API tokens"]);
  });
});
