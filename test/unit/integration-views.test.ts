import { describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { encryptSecrets } from "@/lib/crypto/secrets";
import { getProvider } from "@/lib/integrations/registry";
import type { IntegrationRow } from "@/lib/integrations/scope";
import { pausedBecause, toApi, toView } from "@/lib/integrations/views";

const TEAM = "00000000-0000-4000-8000-00000000000a";
const OTHER = "00000000-0000-4000-8000-00000000000b";
const who = (isAdmin: boolean, teams: Principal["teams"] = []): Principal => ({
  userId: "u",
  email: "u@example.com",
  name: "U",
  isAdmin,
  teams,
});
const admin = who(true);
const lead = who(false, [{ teamId: TEAM, role: "lead" }]);
const otherLead = who(false, [{ teamId: OTHER, role: "lead" }]);
const member = who(false, [{ teamId: TEAM, role: "member" }]);

const TOKEN = "whsec_0123456789abcdefghijklmnopqrstuv";
const URL_SECRET = "https://hooks.example.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX";
const row = (
  provider: string,
  teamId: string | null,
  secrets: Record<string, string>,
  over: Partial<IntegrationRow> = {},
) =>
  ({
    id: "00000000-0000-4000-8000-000000000001",
    provider,
    teamId,
    enabled: true,
    minSeverity: "warning",
    settings: {},
    secrets: encryptSecrets(secrets),
    lastSuccessAt: null,
    lastError: null,
    lastErrorAt: null,
    failingSince: null,
    disabledReason: null,
    createdAt: new Date("2026-11-01T00:00:00Z"),
    updatedAt: new Date("2026-11-02T03:04:05Z"),
    ...over,
  }) satisfies IntegrationRow;

const view = (
  provider: string,
  teamId: string | null,
  viewer: Principal,
  r = row(provider, teamId, { url: URL_SECRET, token: TOKEN }),
) => toView(getProvider(provider)!, teamId, r, viewer);

describe("an integration as the REST API and the settings page show it", () => {
  it("shows the signing token in clear only to whoever manages its scope, and masks it for the rest", () => {
    expect(view("events-webhook", TEAM, lead).settings).toEqual({ url: `••••${URL_SECRET.slice(-4)}`, token: TOKEN });
    expect(view("events-webhook", TEAM, admin).settings.token).toBe(TOKEN);
    expect(view("events-webhook", TEAM, member).settings.token).toBe(`••••${TOKEN.slice(-4)}`);
    expect(view("events-webhook", TEAM, otherLead).settings.token).toBe(`••••${TOKEN.slice(-4)}`);
    expect(view("custom-webhook", null, admin).settings.token).toBe(TOKEN);
    expect(view("custom-webhook", null, lead).settings.token).toBe(`••••${TOKEN.slice(-4)}`);
  });

  it("never shows a webhook URL or a routing key in clear, not even to an administrator", () => {
    expect(view("events-webhook", null, admin).settings.url).toBe(`••••${URL_SECRET.slice(-4)}`);
    const slack = toView(getProvider("slack")!, null, row("slack", null, { webhookUrl: URL_SECRET }), admin);
    expect(slack.settings).toEqual({ webhookUrl: `••••${URL_SECRET.slice(-4)}` });
    const pd = toView(
      getProvider("pagerduty")!,
      null,
      row("pagerduty", null, { routingKey: "R0123456789abcdeR01" }),
      admin,
    );
    expect(pd.settings).toEqual({ routingKey: "••••eR01" });
  });

  it("shows where it sends without the secret parts, and its own facts", () => {
    const shown = view("events-webhook", TEAM, lead);
    expect(shown).toMatchObject({
      id: "00000000-0000-4000-8000-000000000001",
      provider: "events-webhook",
      name: "Events Webhook",
      teamId: TEAM,
      configured: true,
      enabled: true,
      minSeverity: "warning",
      destination: "hooks.example.com/services/T…/B…/••••",
      updatedAt: "2026-11-02T03:04:05.000Z",
    });
    expect(JSON.stringify(shown)).not.toContain("XXXXXXXXXXXXXXXXXXXXXXXX");
    const monday = toView(
      getProvider("monday")!,
      null,
      row("monday", null, { apiToken: "t".repeat(30) }, { settings: { accountDomain: "acme.monday.com" } }),
      admin,
    );
    expect(monday.destination).toBe("acme.monday.com");
  });

  it("keeps the plain settings beside the masked secrets, and names no secret that was never set", () => {
    const r = row("events-webhook", null, { url: URL_SECRET }, { settings: { rateLimitPerSecond: 5 } });
    expect(toView(getProvider("events-webhook")!, null, r, admin).settings).toEqual({
      rateLimitPerSecond: 5,
      url: `••••${URL_SECRET.slice(-4)}`,
    });
  });

  it("names the vendor's account only when it told us one", () => {
    const monday = getProvider("monday")!;
    const token = { apiToken: "t".repeat(30) };
    const api = toView(monday, null, row("monday", null, token), admin).destination;
    expect(api).not.toBeNull();
    for (const accountDomain of ["", 42])
      expect(toView(monday, null, row("monday", null, token, { settings: { accountDomain } }), admin).destination).toBe(
        api,
      );
  });

  it("shows a provider nobody set up as not configured, on, at its default minimum, with no settings", () => {
    expect(toView(getProvider("slack")!, TEAM, undefined, lead)).toEqual({
      provider: "slack",
      name: "Slack",
      teamId: TEAM,
      status: expect.objectContaining({ state: "not_configured" }),
      destination: null,
      id: null,
      configured: false,
      enabled: true,
      minSeverity: getProvider("slack")!.form.defaultMinSeverity ?? "info",
      settings: {},
      updatedAt: null,
    });
  });

  it("says why a team's monday integration cannot send: the global one it borrows is missing or off", () => {
    const monday = getProvider("monday")!;
    const team = row("monday", TEAM, {});
    const global = row(
      "monday",
      null,
      { apiToken: "t".repeat(30) },
      { settings: { accountDomain: "acme.monday.com" } },
    );
    expect(pausedBecause(monday, team, { global: null })).toBe(
      "Waiting for the global Monday integration: teams use its API token",
    );
    expect(pausedBecause(monday, team, { global: { ...global, enabled: false } })).toBe(
      "The global Monday integration is disabled: teams use its API token",
    );
    expect(pausedBecause(monday, team, { global })).toBeNull();
    expect(pausedBecause(monday, team, {})).toBeNull();
    expect(pausedBecause(monday, global, { global: null })).toBeNull();
    expect(pausedBecause(getProvider("slack")!, row("slack", TEAM, {}), { global: null })).toBeNull();
    const paused = toView(monday, TEAM, team, lead, { global: null });
    expect(paused.status).toMatchObject({ state: "paused" });
    // The team's card names the account its global integration reached.
    expect(toView(monday, TEAM, team, lead, { global }).destination).toBe("acme.monday.com");
  });

  it("puts the settings at the top level of the REST answer, as the PUT body has them", () => {
    const api = toApi(view("events-webhook", TEAM, lead));
    expect(api.token).toBe(TOKEN);
    expect(api.settings).toEqual({ url: `••••${URL_SECRET.slice(-4)}`, token: TOKEN });
    expect(api.provider).toBe("events-webhook");
  });
});
