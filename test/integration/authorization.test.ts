// The route × role table (issues 12 and 18): every route under app/api/v1 and every server action,
// found on disk so a new one cannot be forgotten, called as anonymous, a member, the lead of
// another team, the team's lead and an administrator. Each call is checked for its answer, and
// every answer that is not a success is checked for having changed nothing in the database.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { enqueueDelivery } from "@/lib/delivery/outbox";
import { ingestScan } from "@/lib/issues/ingest";
import { saveIntegration } from "@/lib/integrations/service";
import { setAssetTeam } from "@/lib/assets/service";
import { setMembership } from "@/lib/people/teams";
import { createTokenFor, createUser } from "@/lib/people/users";
import { createJiraFake, createSlackFake } from "@/test/fakes";
import { asSession } from "@/test/support/action-context";
import { expectDocumented } from "@/test/support/openapi";
import { seedWorld, type World } from "./integrations-harness";

const ROLES = ["anonymous", "member", "otherLead", "lead", "admin"] as const;
type RoleName = (typeof ROLES)[number];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

const root = process.cwd();
const apiDir = path.join(root, "app/api/v1");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** "/api/v1/teams/[teamId]/integrations" for app/api/v1/teams/[teamId]/integrations/route.ts */
const routeFiles = walk(apiDir)
  .filter((f) => /\/route\.tsx?$/.test(f))
  .map((f) => ({
    file: f,
    route: `/api/v1/${path.relative(apiDir, path.dirname(f)).split(path.sep).join("/")}`.replace(/\/$/, ""),
  }));

/** Every file that starts with 'use server' under app/ and lib/. */
const actionFiles = [...walk(path.join(root, "app")), ...walk(path.join(root, "lib"))]
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
  .filter((f) => /^\s*(["'])use server\1/.test(readFileSync(f, "utf8")))
  .map((f) => path.relative(root, f).split(path.sep).join("/"));

// ---------------------------------------------------------------------------------------------
// The world every call runs against.

const slack = createSlackFake();
const jira = createJiraFake();
let world: World;
let tokens: Record<RoleName, string | undefined>;
let userIds: Record<RoleName, string | null>;
let extraUserId: string;
const ASSET = "github.com/acme/authz";
let issueId = "";
let teamSlackId = "";
let teamDeliveryId = "";
let globalJiraId = "";

async function ensureBase(): Promise<void> {
  // The integrations exist; the asset (and its issue) exists and belongs to the lead's team.
  const existing = await rows<{ provider: string; team_id: string | null; id: string }>(
    db,
    sql`select provider, team_id, id from integrations`,
  );
  const has = (provider: string, teamId: string | null) =>
    existing.find((r) => r.provider === provider && r.team_id === teamId)?.id;
  teamSlackId =
    has("slack", world.teamId) ??
    (await saveIntegration(world.admin, "slack", world.teamId, { webhookUrl: slack.addWebhook() })).id!;
  if (!has("slack", null)) await saveIntegration(world.admin, "slack", null, { webhookUrl: slack.addWebhook() });
  globalJiraId =
    has("jira", null) ??
    (
      await saveIntegration(world.admin, "jira", null, {
        domainUrl: jira.url,
        email: "ann@example.com",
        apiToken: "jira-token-1",
      })
    ).id!;
  if (!has("jira", world.teamId))
    await saveIntegration(world.admin, "jira", world.teamId, {
      domainUrl: jira.url,
      email: "ann@example.com",
      apiToken: "jira-token-1",
    });
  const result = await ingestScan(
    world.admin,
    {
      asset: { id: ASSET, kind: "code", name: "authz" },
      findings: [
        {
          detectorId: "aws-key",
          detectorName: "AWS key",
          severity: "error",
          path: "src/a.ts",
          content: "key = <redacted>",
          fingerprint: "authz-1",
        },
      ],
    },
    { newAssetTeamId: world.teamId },
  );
  await setAssetTeam(world.admin, result.assetId, world.teamId);
  const [issue] = await rows<{ id: string }>(
    db,
    sql`select id from issues where asset_id = ${ASSET} and deleted_at is null`,
  );
  issueId = issue.id;
  await rows(db, sql`update issues set status = 'open' where id = ${issueId}`);
  await setMembership(world.admin, world.teamId, extraUserId, "member");
  const [delivery] = await rows<{ id: string }>(
    db,
    sql`select id from deliveries where integration_id = ${teamSlackId} order by created_at desc limit 1`,
  );
  teamDeliveryId =
    delivery?.id ??
    (await db.transaction((tx) =>
      enqueueDelivery(tx, {
        target: { id: teamSlackId, provider: "slack", teamId: world.teamId },
        kind: "issues_created",
        payload: { asset: { id: ASSET, name: "authz", url: null }, issues: [] },
      }),
    ));
}

/** One digest per table: a denied call must leave every one as it was (a token's last use aside). */
async function digest(): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ d: string | null; n: number }>(
      db,
      sql.raw(
        `select md5(coalesce(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' order by (to_jsonb(t) - 'last_used_at')::text), '')) as d, count(*)::int as n from "${name}" t`,
      ),
    );
    out[name] = `${row.n}:${row.d}`;
  }
  return out;
}

beforeAll(async () => {
  await Promise.all([slack.start(), jira.start()]);
  jira.addUser({ email: "ann@example.com", apiToken: "jira-token-1", displayName: "Ann" });
  world = await seedWorld();
  const other = await createUser(world.admin, {
    email: "other-lead@example.com",
    name: "Olu",
    password: "a long enough password",
  });
  await setMembership(world.admin, world.otherTeamId, other.id, "lead");
  const otherToken = await createTokenFor(world.admin, other.id, "other-ci");
  const extra = await createUser(world.admin, {
    email: "extra@example.com",
    name: "Ext",
    password: "a long enough password",
  });
  extraUserId = extra.id;
  tokens = {
    anonymous: undefined,
    member: world.tokens.member,
    otherLead: otherToken.token,
    lead: world.tokens.lead,
    admin: world.tokens.admin,
  };
  userIds = {
    anonymous: null,
    member: world.member.userId,
    otherLead: other.id,
    lead: world.lead.userId,
    admin: world.admin.userId,
  };
  await ensureBase();
});
afterAll(async () => {
  await Promise.all([slack.stop(), jira.stop()]);
});

// ---------------------------------------------------------------------------------------------
// The table of routes.

/** Expected status per role, in ROLES order: anonymous, member, lead of another team, lead, admin. */
type Row = {
  status: [number, number, number, number, number];
  params?: () => Record<string, string>;
  query?: () => string;
  body?: () => unknown;
  headers?: Record<string, string>;
};

const team = () => ({ teamId: world.teamId });
const slackBody = () => ({ webhookUrl: slack.addWebhook() });
const scanSettings = { allow: [], deny: [], redact: false, redactMessage: "Removed by Code Security" };
const jiraParams = () => ({ provider: "jira" });
const teamJira = () => ({ provider: "jira", teamId: world.teamId });
const ONLY_ADMIN = [401, 403, 403, 403, 200] as Row["status"];
const TEAM_LEADS = [401, 403, 403, 200, 200] as Row["status"];
const SIGNED_IN = [401, 200, 200, 200, 200] as Row["status"];
let counter = 0;
// A refused call changed nothing, so the next call can start from the same state and digest.
let dirty = true;
let lastDigest: Record<string, string> | undefined;

const ROUTES: Record<string, Row> = {
  "GET /api/v1/assets": { status: SIGNED_IN },
  "GET /api/v1/assets/[id]": { status: SIGNED_IN, params: () => ({ id: ASSET }) },
  "PATCH /api/v1/assets/[id]": {
    status: ONLY_ADMIN,
    params: () => ({ id: ASSET }),
    body: () => ({ teamId: world.otherTeamId }),
  },
  "DELETE /api/v1/assets/[id]": { status: [401, 403, 403, 403, 204], params: () => ({ id: ASSET }) },
  "GET /api/v1/deliveries": { status: [401, 403, 200, 200, 200] },
  // Another team's delivery is not found (its existence is not confirmed).
  "GET /api/v1/deliveries/[id]": { status: [401, 403, 404, 200, 200], params: () => ({ id: teamDeliveryId }) },
  "POST /api/v1/deliveries/[id]/redeliver": {
    status: [401, 403, 404, 200, 200],
    params: () => ({ id: teamDeliveryId }),
  },
  "POST /api/v1/deliveries/retry-failed": {
    status: TEAM_LEADS,
    body: () => ({ integrationId: teamSlackId, since: "2020-01-01T00:00:00.000Z" }),
  },
  "GET /api/v1/detectors": { status: SIGNED_IN },
  // Vendors' webhooks: authenticated by the integration's own secret, never by a Bearer token.
  "POST /api/v1/hooks/[provider]/[integrationId]": {
    status: [401, 401, 401, 401, 401],
    params: () => ({ provider: "jira", integrationId: globalJiraId }),
    body: () => ({ webhookEvent: "jira:issue_updated" }),
  },
  // monday's receiver refuses a call without the integration's hookUrl token, whoever makes it.
  "POST /api/v1/hooks/monday/[integrationId]": {
    status: [401, 401, 401, 401, 401],
    params: () => ({ integrationId: globalJiraId }),
    body: () => ({ event: { type: "update_column_value", pulseId: 1, boardId: 1 } }),
  },
  "POST /api/v1/ingest": {
    status: ONLY_ADMIN,
    body: () => ({
      asset: { id: ASSET, kind: "code", name: "authz" },
      findings: [
        {
          detectorId: "aws-key",
          detectorName: "AWS key",
          severity: "error",
          path: "src/a.ts",
          content: "key = <redacted>",
          fingerprint: "authz-1",
        },
      ],
    }),
  },
  "GET /api/v1/integrations": { status: ONLY_ADMIN },
  "GET /api/v1/integrations/[provider]": { status: ONLY_ADMIN, params: () => ({ provider: "slack" }) },
  "PUT /api/v1/integrations/[provider]": { status: ONLY_ADMIN, params: () => ({ provider: "slack" }), body: slackBody },
  "DELETE /api/v1/integrations/[provider]": {
    status: [401, 403, 403, 403, 204],
    params: () => ({ provider: "slack" }),
  },
  "POST /api/v1/integrations/[provider]/test": { status: ONLY_ADMIN, params: () => ({ provider: "slack" }) },
  "POST /api/v1/integrations/[provider]/scan": { status: ONLY_ADMIN, params: jiraParams },
  "GET /api/v1/integrations/[provider]/scan": { status: ONLY_ADMIN, params: jiraParams },
  "DELETE /api/v1/integrations/[provider]/scan": { status: ONLY_ADMIN, params: jiraParams },
  "GET /api/v1/integrations/[provider]/scan/settings": { status: ONLY_ADMIN, params: jiraParams },
  "PUT /api/v1/integrations/[provider]/scan/settings": {
    status: ONLY_ADMIN,
    params: jiraParams,
    body: () => scanSettings,
  },
  "GET /api/v1/issues": { status: SIGNED_IN },
  "GET /api/v1/issues/[id]": { status: SIGNED_IN, params: () => ({ id: issueId }) },
  "PATCH /api/v1/issues/[id]": {
    status: SIGNED_IN,
    params: () => ({ id: issueId }),
    body: () => ({ status: "ignored" }),
  },
  // Any signed-in person may create a ticket; a body without a project is refused before Jira is called.
  "POST /api/v1/issues/[id]/jira": {
    status: [401, 422, 422, 422, 422],
    params: () => ({ id: issueId }),
    body: () => ({}),
  },
  "POST /api/v1/issues/[id]/monday": {
    status: [401, 422, 422, 422, 422],
    params: () => ({ id: issueId }),
    body: () => ({}),
  },
  // monday is not set up: every signed-in person hears so (409), an anonymous caller only 401.
  "GET /api/v1/monday/workspaces": { status: [401, 409, 409, 409, 409], query: () => `issueId=${issueId}` },
  "GET /api/v1/openapi.json": { status: [200, 200, 200, 200, 200] },
  "GET /api/v1/teams": { status: SIGNED_IN },
  "POST /api/v1/teams": { status: [401, 403, 403, 403, 201], body: () => ({ name: `Team ${++counter}` }) },
  "PUT /api/v1/teams/[teamId]/members/[userId]": {
    status: ONLY_ADMIN,
    params: () => ({ teamId: world.teamId, userId: extraUserId }),
    body: () => ({ role: "lead" }),
  },
  "DELETE /api/v1/teams/[teamId]/members/[userId]": {
    status: [401, 403, 403, 403, 204],
    params: () => ({ teamId: world.teamId, userId: extraUserId }),
  },
  "GET /api/v1/teams/[teamId]/integrations": { status: TEAM_LEADS, params: team },
  "GET /api/v1/teams/[teamId]/integrations/[provider]": {
    status: TEAM_LEADS,
    params: () => ({ ...team(), provider: "slack" }),
  },
  "PUT /api/v1/teams/[teamId]/integrations/[provider]": {
    status: TEAM_LEADS,
    params: () => ({ ...team(), provider: "slack" }),
    body: slackBody,
  },
  "DELETE /api/v1/teams/[teamId]/integrations/[provider]": {
    status: [401, 403, 403, 204, 204],
    params: () => ({ ...team(), provider: "slack" }),
  },
  "POST /api/v1/teams/[teamId]/integrations/[provider]/test": {
    status: TEAM_LEADS,
    params: () => ({ ...team(), provider: "slack" }),
  },
  "GET /api/v1/teams/[teamId]/integrations/[provider]/workspaces": {
    status: [401, 403, 403, 422, 422],
    params: () => ({ ...team(), provider: "monday" }),
  },
  "POST /api/v1/teams/[teamId]/integrations/[provider]/scan": { status: TEAM_LEADS, params: teamJira },
  "GET /api/v1/teams/[teamId]/integrations/[provider]/scan": { status: TEAM_LEADS, params: teamJira },
  "DELETE /api/v1/teams/[teamId]/integrations/[provider]/scan": { status: TEAM_LEADS, params: teamJira },
  "GET /api/v1/teams/[teamId]/integrations/[provider]/scan/settings": { status: TEAM_LEADS, params: teamJira },
  "PUT /api/v1/teams/[teamId]/integrations/[provider]/scan/settings": {
    status: TEAM_LEADS,
    params: teamJira,
    body: () => scanSettings,
  },
  "GET /api/v1/users": { status: ONLY_ADMIN },
  "POST /api/v1/users": {
    status: [401, 403, 403, 403, 201],
    body: () => ({ email: `new${++counter}@example.com`, name: "New", password: "a long enough password" }),
  },
  "POST /api/v1/users/[userId]/tokens": {
    status: [401, 403, 403, 403, 201],
    params: () => ({ userId: extraUserId }),
    body: () => ({ name: `ci-${++counter}` }),
  },
};

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function discoverRouteMethods(): Promise<Map<string, Handler>> {
  const found = new Map<string, Handler>();
  for (const { file, route } of routeFiles) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of METHODS)
      if (typeof mod[method] === "function") found.set(`${method} ${route}`, mod[method] as Handler);
  }
  return found;
}

async function callRoute(key: string, handler: Handler, row: Row, role: RoleName) {
  const [method, route] = key.split(" ");
  const params = row.params?.() ?? {};
  const pathname = route.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name]));
  const headers: Record<string, string> = { "content-type": "application/json", ...row.headers };
  const token = tokens[role];
  if (token) headers.authorization = `Bearer ${token}`;
  const body = row.body ? JSON.stringify(row.body()) : undefined;
  const url = `http://localhost${pathname}${row.query ? `?${row.query()}` : ""}`;
  const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!route.startsWith("/api/v1/hooks/") && route !== "/api/v1/openapi.json")
    await expectDocumented(handler as never, response.status, json);
  return { status: response.status, json };
}

describe("every route under app/api/v1 × every role", () => {
  it("has a row for every route-method on disk, and no row for one that is gone", async () => {
    const found = [...(await discoverRouteMethods()).keys()].sort();
    const missing = found.filter((k) => !(k in ROUTES));
    const stale = Object.keys(ROUTES).filter((k) => !found.includes(k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    console.log(
      `authorization suite: ${found.length} route-methods × ${ROLES.length} roles = ${found.length * ROLES.length} calls (${routeFiles.length} route files)`,
    );
  });

  it("answers each role as the table says, and a refused call changes nothing", async () => {
    const handlers = await discoverRouteMethods();
    const wrong: string[] = [];
    for (const [key, handler] of handlers) {
      const row = ROUTES[key];
      if (!row) continue; // reported by the test above
      for (const [i, role] of ROLES.entries()) {
        if (dirty) await ensureBase();
        const before = dirty || !lastDigest ? await digest() : lastDigest;
        const { status, json } = await callRoute(key, handler, row, role);
        dirty = status < 400;
        lastDigest = undefined;
        if (status !== row.status[i])
          wrong.push(`${key} as ${role}: ${status} (expected ${row.status[i]}) ${JSON.stringify(json)?.slice(0, 160)}`);
        if (status >= 400) {
          const after = await digest();
          lastDigest = after;
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (changed.length) wrong.push(`${key} as ${role}: answered ${status} but changed ${changed.join(", ")}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------
// The table of server actions. Each is called inside a request scope with the role's session
// cookie, through the real auth(); the expected outcome is ok, or an error matching the pattern.

type Outcome = true | RegExp;
type ActionRow = { input: () => unknown[]; expect: [Outcome, Outcome, Outcome, Outcome, Outcome] };

const SIGNED_OUT = /sign in again/;
const DENIED = /^Only an? /;
const A_ONLY: ActionRow["expect"] = [SIGNED_OUT, DENIED, DENIED, DENIED, true];
const LEADS: ActionRow["expect"] = [SIGNED_OUT, DENIED, DENIED, true, true];
const ANYONE: ActionRow["expect"] = [SIGNED_OUT, true, true, true, true];
const scope = () => ({ provider: "jira", teamId: world.teamId });

const ACTIONS: Record<string, ActionRow> = {
  "lib/integrations/actions.ts#saveIntegrationAction": {
    input: () => [{ provider: "slack", teamId: world.teamId, values: slackBody() }],
    expect: LEADS,
  },
  "lib/integrations/actions.ts#testIntegrationAction": {
    input: () => [{ provider: "slack", teamId: world.teamId, values: {} }],
    expect: LEADS,
  },
  "lib/integrations/actions.ts#deleteIntegrationAction": {
    input: () => [{ provider: "slack", teamId: world.teamId }],
    expect: LEADS,
  },
  "lib/integrations/actions.ts#listMondayWorkspacesAction": {
    input: () => [{ teamId: world.teamId }],
    expect: [SIGNED_OUT, DENIED, DENIED, /monday/i, /monday/i],
  },
  "lib/assets/actions.ts#setAssetTeamAction": {
    input: () => [{ id: ASSET, teamId: world.otherTeamId }],
    expect: A_ONLY,
  },
  "lib/delivery/actions.ts#listDeliveriesAction": { input: () => [{}], expect: [SIGNED_OUT, DENIED, true, true, true] },
  "lib/delivery/actions.ts#getDeliveryAction": {
    input: () => [{ id: teamDeliveryId }],
    expect: [SIGNED_OUT, DENIED, /not found/, true, true],
  },
  "lib/delivery/actions.ts#redeliverAction": {
    input: () => [{ id: teamDeliveryId }],
    expect: [SIGNED_OUT, DENIED, /not found/, true, true],
  },
  "lib/delivery/actions.ts#retryFailedSinceAction": {
    input: () => [{ integrationId: teamSlackId, since: "2020-01-01T00:00:00.000Z" }],
    expect: LEADS,
  },
  "lib/delivery/health-actions.ts#deliveryHealthAction": {
    input: () => [{ integrationId: teamSlackId, window: "24h" }],
    // Another team's lead is not told that the integration exists.
    expect: [SIGNED_OUT, DENIED, /not found/, true, true],
  },
  "lib/sync/actions.ts#syncPanelAction": { input: () => [{ provider: "jira", teamId: world.teamId }], expect: LEADS },
  "lib/sync/actions.ts#syncTargetsAction": { input: () => [{ provider: "jira", teamId: world.teamId }], expect: LEADS },
  "lib/sync/actions.ts#saveSyncSettingsAction": {
    input: () => [{ provider: "jira", teamId: world.teamId, sync: { resolveOnDone: false, onResolve: null } }],
    expect: LEADS,
  },
  "lib/sync/actions.ts#liveIssueAction": { input: () => [{ issueId }], expect: ANYONE },
  "lib/issues/actions.ts#setIssueStatusAction": { input: () => [{ id: issueId, status: "ignored" }], expect: ANYONE },
  "lib/people/actions.ts#createTeamAction": { input: () => [{ name: `Team ${++counter}` }], expect: A_ONLY },
  "lib/people/actions.ts#setMembershipAction": {
    input: () => [{ teamId: world.teamId, userId: extraUserId, role: "lead" }],
    expect: A_ONLY,
  },
  "lib/people/actions.ts#removeMembershipAction": {
    input: () => [{ teamId: world.teamId, userId: extraUserId }],
    expect: A_ONLY,
  },
  "lib/people/actions.ts#createTokenAction": { input: () => [{ name: `mine-${++counter}` }], expect: ANYONE },
  "lib/people/actions.ts#revokeTokenAction": {
    input: () => [{ id: "00000000-0000-4000-8000-000000000000" }],
    expect: [
      SIGNED_OUT,
      /not found|does not exist/i,
      /not found|does not exist/i,
      /not found|does not exist/i,
      /not found|does not exist/i,
    ],
  },
  "lib/scanning/actions.ts#startScanAction": { input: () => [scope()], expect: LEADS },
  "lib/scanning/actions.ts#scanProgressAction": { input: () => [scope()], expect: LEADS },
  "lib/scanning/actions.ts#cancelScanAction": { input: () => [scope()], expect: LEADS },
  "lib/scanning/actions.ts#getScanSettingsAction": { input: () => [scope()], expect: LEADS },
  "lib/scanning/actions.ts#saveScanSettingsAction": {
    input: () => [{ ...scope(), settings: scanSettings }],
    expect: LEADS,
  },
  "lib/tickets/actions.ts#jiraDraftAction": { input: () => [{ issueId }], expect: ANYONE },
  "lib/tickets/actions.ts#jiraProjectsAction": { input: () => [{ issueId, query: "" }], expect: ANYONE },
  "lib/tickets/actions.ts#jiraIssueTypesAction": {
    input: () => [{ issueId, projectKey: "NOPE" }],
    expect: [SIGNED_OUT, /./, /./, /./, /./],
  },
  "lib/tickets/actions.ts#jiraCreateScreenAction": {
    input: () => [{ issueId, projectKey: "NOPE", issueTypeId: "1" }],
    expect: [SIGNED_OUT, /./, /./, /./, /./],
  },
  "lib/tickets/actions.ts#createJiraTicketAction": {
    input: () => [{ issueId, projectKey: "", issueTypeId: "" }],
    expect: [SIGNED_OUT, /highlighted/, /highlighted/, /highlighted/, /highlighted/],
  },
  "lib/tickets/actions.ts#existingMondayItemAction": {
    input: () => [{ issueId }],
    expect: [SIGNED_OUT, /monday/i, /monday/i, /monday/i, /monday/i],
  },
  "lib/tickets/actions.ts#mondayWorkspacesAction": {
    input: () => [{ issueId }],
    expect: [SIGNED_OUT, /monday/i, /monday/i, /monday/i, /monday/i],
  },
  "lib/tickets/actions.ts#mondayBoardsAction": {
    input: () => [{ issueId, workspaceId: "1" }],
    expect: [SIGNED_OUT, /monday/i, /monday/i, /monday/i, /monday/i],
  },
  "lib/tickets/actions.ts#createMondayItemAction": {
    input: () => [{ issueId, boardId: "x" }],
    expect: [SIGNED_OUT, /highlighted/, /highlighted/, /highlighted/, /highlighted/],
  },
};

// Sign-in and sign-out are the session's own doors: no role applies. A wrong password is refused
// for everyone (and counted, so sign_in_attempts may change); signing out redirects to /login.
const SESSION_ACTIONS: Record<
  string,
  { input: () => unknown[]; check: (outcome: unknown) => boolean; mayChange: string[] }
> = {
  "lib/auth/actions.ts#loginAction": {
    input: () => [{ email: "root@example.com", password: "not the password" }],
    check: (o) => (o as { error?: string }).error === "That email and password do not match an account.",
    mayChange: ["sign_in_attempts"],
  },
  "lib/auth/actions.ts#signOutAction": {
    input: () => [],
    check: (o) => o instanceof Error && /NEXT_REDIRECT/.test(String((o as { digest?: string }).digest ?? o.message)),
    mayChange: [],
  },
};

async function discoverActions(): Promise<Map<string, (...args: unknown[]) => Promise<unknown>>> {
  const found = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const file of actionFiles) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === "function") found.set(`${file}#${name}`, value as (...args: unknown[]) => Promise<unknown>);
  }
  return found;
}

describe("every server action × every role", () => {
  it("has a row for every exported action of every 'use server' file, and no row for one that is gone", async () => {
    const found = [...(await discoverActions()).keys()].sort();
    const known = { ...ACTIONS, ...SESSION_ACTIONS };
    const missing = found.filter((k) => !(k in known));
    const stale = Object.keys(known).filter((k) => !found.includes(k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    console.log(
      `authorization suite: ${found.length} server actions × ${ROLES.length} roles = ${found.length * ROLES.length} calls (${actionFiles.length} 'use server' files)`,
    );
  });

  it("answers each role as the table says, and a refused call changes nothing", async () => {
    const actions = await discoverActions();
    const wrong: string[] = [];
    for (const [key, action] of actions) {
      const row = ACTIONS[key];
      const session = SESSION_ACTIONS[key];
      for (const [i, role] of ROLES.entries()) {
        if (dirty) await ensureBase();
        const before = dirty || !lastDigest ? await digest() : lastDigest;
        lastDigest = undefined;
        let outcome: unknown;
        try {
          outcome = await asSession(userIds[role], () => action(...(row ?? session).input()));
        } catch (error) {
          outcome = error;
        }
        let refused: boolean;
        if (session) {
          if (!session.check(outcome)) wrong.push(`${key} as ${role}: ${String(outcome)}`);
          refused = true;
        } else if (row) {
          const want = row.expect[i];
          const result = outcome as { ok?: boolean; error?: string };
          refused = result?.ok !== true;
          const good = want === true ? result?.ok === true : result?.ok === false && want.test(result.error ?? "");
          if (!good)
            wrong.push(
              `${key} as ${role}: ${JSON.stringify(outcome)?.slice(0, 200) ?? String(outcome)} (expected ${want === true ? "ok" : want})`,
            );
        } else continue;
        dirty = !refused || !!session;
        if (refused) {
          const after = await digest();
          lastDigest = after;
          const changed = Object.keys(after).filter(
            (t) => after[t] !== before[t] && !(session?.mayChange ?? []).includes(t),
          );
          if (changed.length) wrong.push(`${key} as ${role}: refused but changed ${changed.join(", ")}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});
