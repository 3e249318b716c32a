import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { deliveries, users } from "@/db/schema";
import { bootstrap } from "@/lib/people/first-start";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { enqueueDelivery } from "@/lib/delivery/outbox";
import { signedPerContract } from "@/test/support/signature";
import { getProvider } from "@/lib/integrations/registry";
import { providerRuntime } from "@/lib/integrations/runtime";
import { decryptSecrets } from "@/lib/crypto/secrets";
import { integrations } from "@/db/schema";
import { createTeam, setMembership } from "@/lib/people/teams";
import { createTokenFor, createUser } from "@/lib/people/users";
import { Receiver } from "@/bench/delivery-receiver";
import { GET as listRoute } from "@/app/api/v1/deliveries/route";
import { POST as redeliverRoute } from "@/app/api/v1/deliveries/[id]/redeliver/route";
import { POST as retryRoute } from "@/app/api/v1/deliveries/retry-failed/route";
import { expectDocumented } from "@/test/support/openapi";
import { attemptsOf, createIntegration, deliveryById, settled, startTestWorker, TOKEN } from "./delivery-fixtures";

const receiver = new Receiver();
let admin: Principal;
const tokens: Record<"admin" | "lead" | "member", string> = { admin: "", lead: "", member: "" };
let globalDelivery: string;
let blueDelivery: string;
let redDelivery: string;

async function call(
  route: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  who: keyof typeof tokens | null,
  path: string,
  init: RequestInit = {},
  params: Record<string, string> = {},
) {
  const headers = new Headers(init.headers);
  if (who) headers.set("authorization", `Bearer ${tokens[who]}`);
  const response = await route(new Request(`http://localhost${path}`, { ...init, headers }), {
    params: Promise.resolve(params),
  });
  const body = response.status === 204 ? null : await response.json();
  await expectDocumented(route, response.status, body);
  return { status: response.status, body };
}

beforeAll(async () => {
  await receiver.start();
  process.env.ADMIN_EMAIL = "root@example.com";
  process.env.ADMIN_PASSWORD = "correct horse battery staple";
  process.env.ADMIN_API_TOKEN = "cs_bootstrap-token-for-delivery-tests-0123";
  await bootstrap({ seedDemo: false, log: () => {} });
  const [root] = await db.select().from(users).where(eq(users.email, "root@example.com"));
  admin = (await loadPrincipal(root.id))!;
  tokens.admin = process.env.ADMIN_API_TOKEN;
  const blue = await createTeam(admin, { name: "Blue" });
  const red = await createTeam(admin, { name: "Red" });
  const lead = await createUser(admin, { email: "lead@example.com", name: "Lead", password: "a long enough password" });
  const member = await createUser(admin, {
    email: "member@example.com",
    name: "Member",
    password: "a long enough password",
  });
  await setMembership(admin, blue.id, lead.id, "lead");
  await setMembership(admin, blue.id, member.id, "member");
  tokens.lead = (await createTokenFor(admin, lead.id, "t")).token;
  tokens.member = (await createTokenFor(admin, member.id, "t")).token;

  const global = await createIntegration("custom-webhook", `${receiver.url}/global`);
  const blueEvents = await createIntegration("events-webhook", `${receiver.url}/blue`, { teamId: blue.id });
  const redEvents = await createIntegration("events-webhook", `${receiver.url}/red`, { teamId: red.id });
  const event = { name: "issue_created", ids: ["i1"], time: "2026-11-28T19:38:30.123Z" };
  [globalDelivery, blueDelivery, redDelivery] = await db.transaction(async (tx) => [
    await enqueueDelivery(tx, { target: global, kind: "issues_created", payload: { issues: [] } }),
    await enqueueDelivery(tx, { target: blueEvents, kind: "issue_created", payload: event }),
    await enqueueDelivery(tx, { target: redEvents, kind: "issue_created", payload: event }),
  ]);
  receiver.fallback = { status: 500, body: "receiver is down" };
  const worker = await startTestWorker({ DELIVERY_MAX_ATTEMPTS: "1" });
  await Promise.all([globalDelivery, blueDelivery, redDelivery].map((id) => settled(id)));
  await worker.stop();
  receiver.fallback = { status: 200, body: "ok" };
});
afterAll(async () => {
  await receiver.stop();
});

describe("GET /api/v1/deliveries", () => {
  it("an administrator sees every delivery, newest first, with attempts and the body sent", async () => {
    const { status, body } = await call(listRoute, "admin", "/api/v1/deliveries");
    expect(status).toBe(200);
    expect(body.items.map((d: { id: string }) => d.id)).toEqual([redDelivery, blueDelivery, globalDelivery]);
    const blue = body.items[1];
    expect(blue).toMatchObject({
      provider: "events-webhook",
      kind: "issue_created",
      status: "failed",
      lastStatus: 500,
    });
    expect(blue.attempts).toEqual([expect.objectContaining({ status: 500, error: "HTTP 500: receiver is down" })]);
    expect(blue.requestBody).toBe('{"name":"issue_created","ids":["i1"],"time":"2026-11-28T19:38:30.123Z"}');
    expect(JSON.stringify(body)).not.toContain(TOKEN);
    expect(JSON.stringify(body)).not.toContain("/blue");
  });

  it("pages with a cursor", async () => {
    const first = await call(listRoute, "admin", "/api/v1/deliveries?limit=2");
    expect(first.body.items).toHaveLength(2);
    const second = await call(listRoute, "admin", `/api/v1/deliveries?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((d: { id: string }) => d.id)).toEqual([globalDelivery]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("a team lead sees only the deliveries of the teams they lead", async () => {
    const { status, body } = await call(listRoute, "lead", "/api/v1/deliveries");
    expect(status).toBe(200);
    expect(body.items.map((d: { id: string }) => d.id)).toEqual([blueDelivery]);
    const [red] = await db.select().from(deliveries).where(eq(deliveries.id, redDelivery));
    expect((await call(listRoute, "lead", `/api/v1/deliveries?teamId=${red.teamId}`)).status).toBe(403);
  });

  it("a member gets 403, and anonymous callers 401", async () => {
    expect((await call(listRoute, "member", "/api/v1/deliveries")).status).toBe(403);
    expect((await call(listRoute, null, "/api/v1/deliveries")).status).toBe(401);
  });

  it("rejects a bad filter naming the field", async () => {
    const { status, body } = await call(listRoute, "admin", "/api/v1/deliveries?status=lost");
    expect(status).toBe(422);
    expect(body.error.fields.status).toBeDefined();
  });
});

describe("redelivering", () => {
  it("sends the same body under the same delivery id with a fresh signature", async () => {
    const worker = await startTestWorker();
    try {
      receiver.received.length = 0;
      const { status, body } = await call(
        redeliverRoute,
        "lead",
        `/api/v1/deliveries/${blueDelivery}/redeliver`,
        { method: "POST" },
        { id: blueDelivery },
      );
      expect(status).toBe(200);
      expect(body.status).toBe("pending");
      const done = await settled(blueDelivery);
      expect(done.status).toBe("delivered");
      const [sent] = receiver.received;
      expect(sent.headers["x-spectral-delivery"]).toBe(blueDelivery);
      expect(sent.body).toBe(done.body);
      expect(signedPerContract(sent.headers, TOKEN, sent.body)).toBe(true);
      expect((await attemptsOf(blueDelivery)).map((a) => a.status)).toEqual([500, 200]);
    } finally {
      await worker.stop();
    }
  });

  it("a lead cannot redeliver another scope's delivery, and nothing changes", async () => {
    const before = await deliveryById(globalDelivery);
    const { status } = await call(
      redeliverRoute,
      "lead",
      `/api/v1/deliveries/${globalDelivery}/redeliver`,
      { method: "POST" },
      { id: globalDelivery },
    );
    expect(status).toBe(404);
    expect(await deliveryById(globalDelivery)).toEqual(before);
    expect(
      (
        await call(
          redeliverRoute,
          "member",
          `/api/v1/deliveries/${globalDelivery}/redeliver`,
          { method: "POST" },
          { id: globalDelivery },
        )
      ).status,
    ).toBe(403);
  });

  it("retries every failure since a chosen time", async () => {
    const global = await deliveryById(globalDelivery);
    const body = JSON.stringify({
      integrationId: global.integrationId,
      since: new Date(Date.now() - 3600_000).toISOString(),
    });
    const denied = await call(retryRoute, "lead", "/api/v1/deliveries/retry-failed", {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    expect(denied.status).toBe(403);
    const later = JSON.stringify({
      integrationId: global.integrationId,
      since: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(
      (await call(retryRoute, "admin", "/api/v1/deliveries/retry-failed", { method: "POST", body: later })).body,
    ).toEqual({ count: 0 });
    // A time outside the database's years, or not a time at all, is a 422 naming since, not a 500.
    for (const since of [-8.64e15, 8.64e15, "-271821-04-20T00:00:00.000Z", "-004714-01-01T00:00:00Z", null, true, 0]) {
      const bad = JSON.stringify({ integrationId: global.integrationId, since });
      const answer = await call(retryRoute, "admin", "/api/v1/deliveries/retry-failed", { method: "POST", body: bad });
      expect(answer.status, JSON.stringify(since)).toBe(422);
      expect(Object.keys(answer.body.error.fields), JSON.stringify(since)).toEqual(["since"]);
    }
    const worker = await startTestWorker();
    try {
      const { status, body: answer } = await call(retryRoute, "admin", "/api/v1/deliveries/retry-failed", {
        method: "POST",
        body,
      });
      expect(status).toBe(200);
      expect(answer).toEqual({ count: 1 });
      expect((await settled(globalDelivery)).status).toBe("delivered");
    } finally {
      await worker.stop();
    }
  });
});

describe("Test buttons of the webhooks", () => {
  it("send a signed sample in the production format through the same path, and log it", async () => {
    receiver.received.length = 0;
    const [row] = await db.select().from(integrations).where(eq(integrations.provider, "custom-webhook"));
    const provider = getProvider("custom-webhook")!;
    const config = {
      id: row.id,
      provider: "custom-webhook" as const,
      teamId: null,
      enabled: true,
      minSeverity: "info" as const,
      settings: {},
      secrets: decryptSecrets(row.secrets),
    };
    const result = await provider.test(config, providerRuntime);
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    const [sent] = receiver.received;
    expect(Object.keys(JSON.parse(sent.body).issues[0])).toEqual([
      "assetId",
      "detectorId",
      "detectorName",
      "severity",
      "uri",
    ]);
    expect(signedPerContract(sent.headers, TOKEN, sent.body)).toBe(true);
    const logged = await deliveryById(String(sent.headers["x-spectral-delivery"]));
    expect(logged).toMatchObject({ kind: "test", status: "delivered", attempts: 1 });

    receiver.script.push({ status: 404, body: "no such hook" });
    expect(await provider.test(config, providerRuntime)).toMatchObject({
      ok: false,
      status: 404,
      message: "HTTP 404: no such hook",
    });
  });
});
