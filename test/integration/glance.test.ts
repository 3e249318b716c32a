import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { deliveries, deliveryAttempts, integrations, users } from "@/db/schema";
import { bootstrap } from "@/lib/people/first-start";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { deliveryHealth, integrationHealth } from "@/lib/delivery/health";
import { uuidv7 } from "@/lib/delivery/ids";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { listScopeIntegrations, saveIntegration, testIntegration } from "@/lib/integrations/service";
import { loadOverview } from "@/lib/overview/queries";
import { createTeam, setMembership } from "@/lib/people/teams";
import { createUser } from "@/lib/people/users";
import { Receiver } from "@/bench/delivery-receiver";

// The server action reads the session; here the session is whoever the test says.
const session = vi.hoisted(() => ({ principal: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentPrincipal: async () => session.principal }));
const { deliveryHealthAction } = await import("@/lib/delivery/health-actions");

const receiver = new Receiver();
let admin: Principal;
let lead: Principal;
let member: Principal;
let blueId: string;

async function person(email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return (await loadPrincipal(row.id))!;
}

beforeAll(async () => {
  await receiver.start();
  process.env.ADMIN_EMAIL = "root@example.com";
  process.env.ADMIN_PASSWORD = "correct horse battery staple";
  await bootstrap({ seedDemo: false, log: () => {} });
  admin = await person("root@example.com");
  blueId = (await createTeam(admin, { name: "Blue" })).id;
  await createTeam(admin, { name: "Red" });
  const l = await createUser(admin, { email: "lead@example.com", name: "Lead", password: "a long enough password" });
  const m = await createUser(admin, {
    email: "member@example.com",
    name: "Member",
    password: "a long enough password",
  });
  await setMembership(admin, blueId, l.id, "lead");
  await setMembership(admin, blueId, m.id, "member");
  lead = await person("lead@example.com");
  member = await person("member@example.com");
});
afterAll(async () => {
  await receiver.stop();
});

const HOUR = 3600_000;

/** A finished delivery whose last attempt was at `at`, with one attempt per duration. */
async function delivery(integrationId: string, at: number, status: "delivered" | "failed", durations: number[]) {
  const id = uuidv7(at - 1000);
  await db.insert(deliveries).values({
    id,
    integrationId,
    provider: "custom-webhook",
    kind: "issues_created",
    payload: {},
    status,
    attempts: durations.length,
    lastAttemptAt: new Date(at),
    deliveredAt: status === "delivered" ? new Date(at) : null,
    lastError: status === "failed" ? "HTTP 500" : null,
  });
  for (const [i, durationMs] of durations.entries()) {
    await db.insert(deliveryAttempts).values({
      deliveryId: id,
      at: new Date(at - (durations.length - 1 - i) * 10),
      durationMs,
      status: status === "delivered" && i === durations.length - 1 ? 200 : 500,
    });
  }
}

describe("delivery health from hourly aggregates", () => {
  it("counts delivered and failed per hour with the p95 time, for one integration only, in 24 h and 7 d", async () => {
    const global = await saveIntegration(admin, "custom-webhook", null, { url: `${receiver.url}/hook` });
    const blue = await saveIntegration(admin, "events-webhook", blueId, { url: `${receiver.url}/blue` });
    const now = Date.UTC(2026, 10, 28, 12, 30);
    await delivery(global.id!, now - 10 * 60_000, "delivered", [100]);
    await delivery(global.id!, now - 20 * 60_000, "delivered", [300]);
    await delivery(global.id!, now - 25 * 60_000, "failed", [900, 1000]);
    await delivery(global.id!, now - 3 * HOUR, "delivered", [50]);
    await delivery(global.id!, now - 3 * 24 * HOUR, "failed", [70]);
    await delivery(blue.id!, now - 10 * 60_000, "delivered", [5]);

    const day = (await deliveryHealth([global.id!, blue.id!], "24h", now)).get(global.id!)!;
    expect(day.hours).toHaveLength(24);
    expect(day.hours.at(-1)).toMatchObject({ hour: "2026-11-28T12:00:00.000Z", delivered: 2, failed: 1 });
    expect(day.hours.at(-1)!.p95Ms).toBeGreaterThan(900);
    expect(day.hours.at(-4)).toMatchObject({ hour: "2026-11-28T09:00:00.000Z", delivered: 1, failed: 0, p95Ms: 50 });
    expect({ delivered: day.delivered, failed: day.failed }).toEqual({ delivered: 3, failed: 1 });
    expect(day.lastDeliveryAt).toBe(new Date(now - 10 * 60_000).toISOString());
    expect(day.lastDeliveryOk).toBe(true);
    const week = (await deliveryHealth([global.id!], "7d", now)).get(global.id!)!;
    expect(week.hours).toHaveLength(168);
    expect({ delivered: week.delivered, failed: week.failed }).toEqual({ delivered: 3, failed: 2 });
  });

  it("is refused to analysts and to leads of other teams, on the server", async () => {
    const [blue] = await db.select().from(integrations).where(eq(integrations.teamId, blueId));
    const [global] = await db.select().from(integrations).where(eq(integrations.provider, "custom-webhook"));
    await expect(integrationHealth(member, blue.id, "24h")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(integrationHealth(lead, global.id, "24h")).rejects.toBeInstanceOf(NotFoundError);
    await expect(integrationHealth(lead, blue.id, "24h")).resolves.toMatchObject({ window: "24h" });

    session.principal = member;
    expect(await deliveryHealthAction({ integrationId: blue.id, window: "24h" })).toEqual({
      ok: false,
      error: "Only an administrator or a team lead can see deliveries",
    });
    session.principal = null;
    expect(await deliveryHealthAction({ integrationId: blue.id, window: "24h" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/sign in/),
    });
    session.principal = lead;
    expect(await deliveryHealthAction({ integrationId: global.id, window: "24h" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not found/i),
    });
    expect(await deliveryHealthAction({ integrationId: blue.id, window: "7d" })).toMatchObject({
      ok: true,
      data: { window: "7d" },
    });
  });
});

describe("one status model across Test and Save", () => {
  it("a Test of settings not saved yet carries to the Save of exactly those settings, and only those", async () => {
    const url = `${receiver.url}/slack-like`;
    const tested = await testIntegration(admin, "events-webhook", null, { url });
    expect(tested.ok).toBe(true);
    const saved = await saveIntegration(admin, "events-webhook", null, { url });
    expect(saved.status).toMatchObject({ state: "connected" });
    expect(saved.status.lastSuccessAt).not.toBeNull();

    // Another URL than the one tested: not proven yet.
    await testIntegration(admin, "events-webhook", null, { url: `${receiver.url}/a` });
    const other = await saveIntegration(admin, "events-webhook", null, { url: `${receiver.url}/b` });
    expect(other.status).toMatchObject({ state: "connected", lastSuccessAt: null });

    // A failed Test of the settings then saved: Failing since the Test.
    receiver.fallback = { status: 503, body: "maintenance" };
    await testIntegration(admin, "events-webhook", null, { url: `${receiver.url}/c` });
    const failing = await saveIntegration(admin, "events-webhook", null, { url: `${receiver.url}/c` });
    expect(failing.status).toMatchObject({ state: "failing", lastError: expect.stringContaining("503") });
    receiver.fallback = { status: 200, body: "ok" };
  });

  it("switching off records who did it; a team's Monday without the global token is Paused", async () => {
    const off = await saveIntegration(admin, "events-webhook", null, { enabled: false });
    expect(off.status).toMatchObject({ state: "disabled", disabledReason: "Turned off by root@example.com" });
    const on = await saveIntegration(admin, "events-webhook", null, { enabled: true });
    expect(on.status.state).not.toBe("disabled");

    await saveIntegration(lead, "monday", blueId, { defaultWorkspaceId: "123" });
    const views = await listScopeIntegrations(lead, blueId);
    expect(views.find((v) => v.provider === "monday")!.status).toMatchObject({
      state: "paused",
      disabledReason: expect.stringContaining("global Monday"),
    });
  });

  it("shows where an integration sends without its secret parts", async () => {
    await saveIntegration(admin, "custom-webhook", null, {
      url: `${receiver.url}/hooks/code-security?token=querySecret99`,
    });
    const view = (await listScopeIntegrations(admin, null)).find((v) => v.provider === "custom-webhook")!;
    expect(view.destination).toBe(`${new URL(receiver.url).host}/hooks/code-security?…`);
    expect(JSON.stringify(view)).not.toContain("querySecret99");
  });
});

describe("the overview", () => {
  it("aggregates open issues and lists integrations needing attention only to those who manage them", async () => {
    await db
      .update(integrations)
      .set({ failingSince: new Date(), lastErrorAt: new Date(), lastError: "HTTP 500: down" })
      .where(eq(integrations.provider, "custom-webhook"));
    const forAdmin = await loadOverview(admin);
    expect(forAdmin.days).toHaveLength(30);
    expect(forAdmin.bySeverity).toEqual({ error: 0, warning: 0, info: 0 });
    expect(forAdmin.attention.map((a) => [a.name, a.status.state])).toEqual(
      expect.arrayContaining([
        ["Custom Webhook", "failing"],
        ["Monday", "paused"],
      ]),
    );
    const forLead = await loadOverview(lead);
    expect(forLead.attention.map((a) => a.name)).toEqual(["Monday"]);
    expect((await loadOverview(member)).attention).toEqual([]);
  });
});
