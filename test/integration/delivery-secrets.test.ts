import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { integrations, users } from "@/db/schema";
import { bootstrap } from "@/lib/people/first-start";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { encryptSecrets } from "@/lib/crypto/secrets";
import { maskBodySecrets, unmaskBodySecrets } from "@/lib/delivery/body-secrets";
import { UNREADABLE_SECRETS } from "@/lib/delivery/integration-configs";
import { enqueueDeliveries } from "@/lib/delivery/outbox";
import { createTeam, setMembership } from "@/lib/people/teams";
import { createTokenFor, createUser } from "@/lib/people/users";
import type { IssueAlertPayload, IssuesCreatedPayload } from "@/lib/integrations/payloads";
import { Receiver } from "@/bench/delivery-receiver";
import { GET as listRoute } from "@/app/api/v1/deliveries/route";
import { GET as detailRoute } from "@/app/api/v1/deliveries/[id]/route";
import { createPagerDutyFake } from "@/test/fakes/pagerduty";
import { createSlackFake } from "@/test/fakes/slack";
import { attemptsOf, settled, startTestWorker, TOKEN } from "./delivery-fixtures";

// Issue 12.4: provider secrets (PagerDuty's routing key in the body, Slack's key in its webhook
// path, a receiver's token in a query) never reach the delivery log, for any reader; they are
// put back only when sending. Issue 12.11: an integration whose secrets cannot be decrypted fails
// its own deliveries, not the batch.

const pagerduty = createPagerDutyFake();
const slack = createSlackFake();
const receiver = new Receiver();
const routingKey = pagerduty.newRoutingKey();
const queryToken = `qtok${randomBytes(12).toString("hex")}`;
let slackUrl = "";
let hookUrl = "";
const tokens = { admin: "", lead: "" };
let admin: Principal;
const ids: Record<"pd" | "slack" | "hook", string> = { pd: "", slack: "", hook: "" };
const issue = {
  id: "11111111-1111-4111-8111-111111111111",
  assetId: "github.com/acme/api",
  detectorId: "SENF026",
  detectorName: "Rails secret token",
  severity: "error" as const,
  path: "config/secrets.yml",
};

/** Every secret of this suite, and the parts of them that would be enough to use them. */
const secrets = () => [routingKey, queryToken, new URL(slackUrl).pathname.split("/").pop()!, TOKEN];

async function call(
  route: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  who: keyof typeof tokens,
  path: string,
  params: Record<string, string> = {},
) {
  const response = await route(
    new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } }),
    { params: Promise.resolve(params) },
  );
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  await Promise.all([pagerduty.start(), slack.start(), receiver.start()]);
  process.env.PAGERDUTY_EVENTS_URL = pagerduty.enqueueUrl;
  slackUrl = slack.addWebhook();
  hookUrl = `${receiver.url}/hook?token=${queryToken}`;
  process.env.ADMIN_EMAIL = "root@example.com";
  process.env.ADMIN_PASSWORD = "correct horse battery staple";
  process.env.ADMIN_API_TOKEN = "cs_bootstrap-token-for-delivery-secrets-01";
  await bootstrap({ seedDemo: false, log: () => {} });
  const [root] = await db.select().from(users).where(eq(users.email, "root@example.com"));
  admin = (await loadPrincipal(root.id))!;
  tokens.admin = process.env.ADMIN_API_TOKEN;
  const blue = await createTeam(admin, { name: "Blue" });
  const lead = await createUser(admin, { email: "lead@example.com", name: "Lead", password: "a long enough password" });
  await setMembership(admin, blue.id, lead.id, "lead");
  tokens.lead = (await createTokenFor(admin, lead.id, "t")).token;

  const insert = async (
    provider: "pagerduty" | "slack" | "custom-webhook",
    teamId: string | null,
    values: Record<string, string>,
  ) => {
    const [row] = await db
      .insert(integrations)
      .values({ provider, teamId, secrets: encryptSecrets(values) })
      .returning();
    return { id: row.id, provider, teamId };
  };
  const pd = await insert("pagerduty", blue.id, { routingKey });
  const sl = await insert("slack", blue.id, { webhookUrl: slackUrl });
  const hook = await insert("custom-webhook", null, { url: hookUrl, token: TOKEN });
  const alert: IssueAlertPayload = { action: "trigger", issue };
  const created: IssuesCreatedPayload = { asset: { id: issue.assetId, name: "acme/api" }, issues: [issue] };
  [ids.pd, ids.slack, ids.hook] = await db.transaction((tx) =>
    enqueueDeliveries(tx, [
      { target: pd, kind: "issue_alert", payload: alert },
      { target: sl, kind: "issues_created", payload: created },
      { target: hook, kind: "issues_created", payload: { issues: [issue] } },
    ]),
  );
  // Each fails once, so the second attempt must rebuild the exact bytes from the masked body.
  pagerduty.failNext({ status: 500, body: `{"status":"error","message":"upstream down for ${routingKey}"}` });
  slack.failNext({ status: 500, body: "internal_error" });
  receiver.script.push({ status: 500, body: `no thanks, token=${queryToken}` });
  const worker = await startTestWorker();
  try {
    for (const id of Object.values(ids)) expect((await settled(id)).status).toBe("delivered");
  } finally {
    await worker.stop();
  }
});

afterAll(async () => {
  await Promise.all([pagerduty.stop(), slack.stop(), receiver.stop()]);
});

describe("provider secrets in the delivery log (issue 12.4)", () => {
  it("are sent: the receivers got the real routing key, webhook path and query token on every attempt", () => {
    const pdBodies = pagerduty.requests.map((r) => r.rawBody);
    expect(pdBodies.map((b) => JSON.parse(b).routing_key)).toEqual([routingKey, routingKey]);
    expect(pdBodies[0]).toBe(pdBodies[1]);
    expect(slack.messages).toHaveLength(1);
    expect(receiver.received.map((r) => r.path)).toEqual([`/hook?token=${queryToken}`, `/hook?token=${queryToken}`]);
    expect([...pagerduty.violations, ...slack.violations]).toEqual([]);
  });

  it("are stored nowhere in the deliveries and attempts tables", async () => {
    const stored = JSON.stringify(
      await rows(db, sql`select d.*, a.* from deliveries d left join delivery_attempts a on a.delivery_id = d.id`),
    );
    for (const secret of secrets()) expect(stored).not.toContain(secret);
    const attempts = await attemptsOf(ids.pd);
    expect(attempts.map((a) => a.status)).toEqual([500, 202]);
    expect(attempts[0].responseBody).toContain(`upstream down for ••••${routingKey.slice(-4)}`);
  });

  it.each(["admin", "lead"] as const)(
    "are masked for %s in the list and in the detail, the body showing ••••last4",
    async (who) => {
      const list = await call(listRoute, who, "/api/v1/deliveries?limit=200");
      expect(list.status).toBe(200);
      const items = JSON.parse(list.text).items as { id: string }[];
      expect(items.map((d) => d.id)).toEqual(
        expect.arrayContaining(who === "admin" ? [ids.pd, ids.slack, ids.hook] : [ids.pd, ids.slack]),
      );
      const details = await Promise.all(
        items.map((d) => call(detailRoute, who, `/api/v1/deliveries/${d.id}`, { id: d.id })),
      );
      for (const answer of [list, ...details]) {
        expect(answer.status).toBe(200);
        for (const secret of secrets()) expect(answer.text).not.toContain(secret);
      }
      const pd = JSON.parse(details.find((d) => JSON.parse(d.text).id === ids.pd)!.text);
      expect(JSON.parse(pd.requestBody).routing_key).toBe(`••••${routingKey.slice(-4)}`);
      expect(pd.attempts.map((a: { requestUrl: string }) => a.requestUrl)).toEqual([
        new URL(pagerduty.enqueueUrl).origin + "/••••",
        new URL(pagerduty.enqueueUrl).origin + "/••••",
      ]);
      const sl = JSON.parse(details.find((d) => JSON.parse(d.text).id === ids.slack)!.text);
      expect(sl.attempts[0].requestUrl).toBe(`${new URL(slackUrl).origin}/••••`);
    },
  );

  it("a body that only looks like a mask is sent as it is, and secrets go back at their exact places", () => {
    const secretsOf = { routingKey: 'ab"cdefgh1234', token: "tok-0123456789" };
    const body = JSON.stringify({
      routing_key: secretsOf.routingKey,
      note: "••••1234 stays",
      again: secretsOf.routingKey,
      raw: "x tok-0123456789 y",
    });
    const { shown, spots } = maskBodySecrets(body, secretsOf);
    expect(shown).not.toContain("cdefgh");
    expect(shown).not.toContain("0123456789");
    expect(unmaskBodySecrets(shown, spots, secretsOf)).toBe(body);
    expect(() => unmaskBodySecrets(shown, spots, { token: secretsOf.token })).toThrow(
      "The integration has no routingKey to send",
    );
  });
});

describe("an integration whose secrets cannot be decrypted (issue 12.11)", () => {
  it("fails its own deliveries with a clear error, and the rest of the batch is delivered", async () => {
    const wrongKey = randomBytes(32);
    const [red, green] = [await createTeam(admin, { name: "Red" }), await createTeam(admin, { name: "Green" })];
    const insert = (teamId: string, url: string, key?: Buffer) =>
      db
        .insert(integrations)
        .values({ provider: "events-webhook", teamId, secrets: encryptSecrets({ url, token: TOKEN }, key) })
        .returning();
    const [broken] = await insert(red.id, `${receiver.url}/broken`, wrongKey);
    const [fine] = await insert(green.id, `${receiver.url}/fine`);
    const target = (row: typeof broken) => ({ id: row.id, provider: row.provider, teamId: row.teamId });
    // Interleaved, so both are in the same claimed batch.
    const queued = await db.transaction((tx) =>
      enqueueDeliveries(
        tx,
        [0, 1, 2, 3].map((i) => ({
          target: target(i % 2 ? fine : broken),
          kind: "issue_created",
          payload: { name: "issue_created", ids: [`i${i}`], time: new Date().toISOString() },
        })),
      ),
    );
    receiver.received.length = 0;
    const worker = await startTestWorker();
    try {
      const done = await Promise.all(queued.map((id) => settled(id)));
      expect(done.map((d) => d.status)).toEqual(["failed", "delivered", "failed", "delivered"]);
      expect(done[0].lastError).toBe(UNREADABLE_SECRETS);
      expect(await attemptsOf(queued[0])).toEqual([]);
      expect(receiver.received.map((r) => r.path)).toEqual(["/fine", "/fine"]);
      const [health] = await rows<{ last_error: string }>(
        db,
        sql`select last_error from integrations where id = ${broken.id}`,
      );
      expect(health.last_error).toBe(UNREADABLE_SECRETS);
    } finally {
      await worker.stop();
    }
  });
});
