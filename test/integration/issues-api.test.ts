import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listIssuesRoute } from "@/app/api/v1/issues/route";
import { GET as getIssueRoute, PATCH as patchIssueRoute } from "@/app/api/v1/issues/[id]/route";
import { GET as listAssetsRoute } from "@/app/api/v1/assets/route";
import {
  DELETE as deleteAssetRoute,
  GET as getAssetRoute,
  PATCH as patchAssetRoute,
} from "@/app/api/v1/assets/[id]/route";
import { db, rows } from "@/db/client";
import { issueTickets, users } from "@/db/schema";
import { bootstrap } from "@/lib/people/first-start";
import { loadPrincipal, type Principal } from "@/lib/auth/principal";
import { createApiToken } from "@/lib/auth/tokens";
import { saveIntegration } from "@/lib/integrations/service";
import { ingestScan } from "@/lib/issues/ingest";
import { createTeam } from "@/lib/people/teams";
import { createUser } from "@/lib/people/users";
import { expectDocumented } from "@/test/support/openapi";

let admin: Principal;
let adminToken = "";
let memberToken = "";
let teamId = "";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(
  handler: Handler,
  path: string,
  init: { method?: string; body?: unknown; token?: string; params?: Record<string, string> } = {},
) {
  const request = new Request(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${init.token ?? adminToken}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  await expectDocumented(handler, response.status, body);
  return { status: response.status, body };
}

const ASSET = "github.com/maggie/jelly-sandwich";
const finding = (i: number, severity = "error") => ({
  detectorId: `D${i % 3}`,
  detectorName: `Detector ${i % 3}`,
  severity,
  path: `src/f${i}.rb`,
  content: `secret-${i}`,
  uri: `https://github.com/maggie/jelly-sandwich/blob/main/src/f${i}.rb#L1`,
});

beforeAll(async () => {
  process.env.ADMIN_EMAIL = "root@example.com";
  process.env.ADMIN_PASSWORD = "correct horse battery staple";
  await bootstrap({ seedDemo: false, log: () => {} });
  const [row] = await db.select().from(users).where(eq(users.email, "root@example.com"));
  admin = (await loadPrincipal(row.id))!;
  adminToken = (await createApiToken(db, row.id, "admin")).token;
  const member = await createUser(admin, { email: "ana@example.com", name: "Ana", password: "a long enough password" });
  memberToken = (await createApiToken(db, member.id, "ana")).token;
  teamId = (await createTeam(admin, { name: "Platform" })).id;
  await saveIntegration(admin, "events-webhook", null, { url: "http://127.0.0.1:9/events" });
  await ingestScan(admin, {
    asset: { id: ASSET, kind: "code" },
    findings: Array.from({ length: 25 }, (_, i) => finding(i, i % 5 === 0 ? "warning" : "error")),
  });
  await ingestScan(admin, { asset: { id: "logs/prod/api", kind: "log" }, findings: [finding(100, "info")] });
});

describe("issues API", () => {
  it("pages through every issue once with a cursor, newest first", async () => {
    const seenItems: { id: string; firstSeen: string; assetId: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(listIssuesRoute, `/issues?limit=7${cursor ? `&cursor=${cursor}` : ""}`, {
        token: memberToken,
      });
      expect(page.status).toBe(200);
      seenItems.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const seen = seenItems.map((i) => i.id);
    expect(seen).toHaveLength(26);
    expect(new Set(seen).size).toBe(26);
    // Newest first: the log's issue came in the later scan, so it leads; ties (one scan) by id, descending.
    expect(seenItems[0].assetId).toBe("logs/prod/api");
    const expected = [...seenItems].sort(
      (a, b) => Date.parse(b.firstSeen) - Date.parse(a.firstSeen) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );
    expect(seen).toEqual(expected.map((i) => i.id));
  });

  it("filters by asset, kind, severity, status and team", async () => {
    const q = async (query: string) =>
      (await call(listIssuesRoute, `/issues?${query}`)).body.items as { assetId: string; severity: string }[];
    expect(await q(`assetId=${encodeURIComponent(ASSET)}&limit=100`)).toHaveLength(25);
    expect(await q("kind=log")).toHaveLength(1);
    expect((await q("severity=warning&limit=100")).every((i) => i.severity === "warning")).toBe(true);
    expect(await q("severity=warning&limit=100")).toHaveLength(5);
    expect(await q("status=resolved")).toHaveLength(0);
    expect(await q(`teamId=${teamId}`)).toHaveLength(0);
    expect((await call(listIssuesRoute, "/issues?severity=critical")).status).toBe(422);
    expect((await call(listIssuesRoute, "/issues?cursor=garbage")).status).toBe(400);
  });

  it("shows an issue with its tickets, and a member changes its status", async () => {
    const [first] = (await call(listIssuesRoute, "/issues?kind=log")).body.items;
    await db
      .insert(issueTickets)
      .values({ issueId: first.id, provider: "jira", key: "SEC-12", url: "https://acme.atlassian.net/browse/SEC-12" });
    const detail = await call(getIssueRoute, `/issues/${first.id}`, { token: memberToken, params: { id: first.id } });
    expect(detail.body).toMatchObject({
      id: first.id,
      assetId: "logs/prod/api",
      kind: "log",
      detectorId: "D1",
      severity: "info",
      status: "open",
      teamId: null,
      tickets: [{ provider: "jira", key: "SEC-12", url: "https://acme.atlassian.net/browse/SEC-12" }],
    });
    for (const key of ["content", "path", "uri", "firstSeen", "lastSeen", "detectorName"])
      expect(detail.body).toHaveProperty(key);
    // A ticket carries the tool's own status name and when sync last read it: null until it has.
    expect(detail.body.tickets).toEqual([
      {
        provider: "jira",
        key: "SEC-12",
        url: "https://acme.atlassian.net/browse/SEC-12",
        status: null,
        syncedAt: null,
      },
    ]);
    await rows(
      db,
      sql`update issue_tickets set status = 'To Do', synced_at = '2026-11-30T10:00:00.123Z' where issue_id = ${first.id}`,
    );
    const synced = await call(getIssueRoute, `/issues/${first.id}`, { token: memberToken, params: { id: first.id } });
    expect(synced.body.tickets[0]).toMatchObject({ status: "To Do", syncedAt: "2026-11-30T10:00:00.123Z" });

    const resolved = await call(patchIssueRoute, `/issues/${first.id}`, {
      method: "PATCH",
      body: { status: "resolved" },
      token: memberToken,
      params: { id: first.id },
    });
    expect(resolved.body.status).toBe("resolved");
    const reopened = await call(patchIssueRoute, `/issues/${first.id}`, {
      method: "PATCH",
      body: { status: "open" },
      token: memberToken,
      params: { id: first.id },
    });
    expect(reopened.body.status).toBe("open");
    const events = await rows<{ kind: string; ids: string[] }>(
      db,
      sql`select kind, payload->'ids' as ids from deliveries where kind in ('issue_resolved', 'issue_updated')`,
    );
    expect(events.map((e) => e.kind).sort()).toEqual(["issue_resolved", "issue_updated"]);
    expect(
      (
        await call(patchIssueRoute, `/issues/${first.id}`, {
          method: "PATCH",
          body: { status: "closed" },
          params: { id: first.id },
        })
      ).status,
    ).toBe(422);
  });

  it("answers 404, not 500, to an id that cannot exist", async () => {
    expect((await call(getIssueRoute, "/issues/nope", { params: { id: "nope" } })).status).toBe(404);
    expect(
      (await call(getIssueRoute, "/issues/x", { params: { id: "00000000-0000-4000-8000-000000000000" } })).status,
    ).toBe(404);
    expect(
      (
        await call(patchIssueRoute, "/issues/nope", {
          method: "PATCH",
          body: { status: "open" },
          params: { id: "nope" },
        })
      ).status,
    ).toBe(404);
    expect((await call(getAssetRoute, "/assets/x", { params: { id: "no/such" } })).status).toBe(404);
  });
});

describe("assets API", () => {
  it("lists assets, reads one by its URL-encoded id, maps it to a team", async () => {
    const list = await call(listAssetsRoute, "/assets", { token: memberToken });
    expect(list.body.items.map((a: { id: string }) => a.id).sort()).toEqual([ASSET, "logs/prod/api"].sort());
    // Next.js hands the route the path's id decoded once: `github.com%2Facme%2Fapi` → `github.com/acme/api`.
    const encoded = encodeURIComponent(ASSET);
    const one = await call(getAssetRoute, `/assets/${encoded}`, { params: { id: ASSET } });
    expect(one.body).toMatchObject({ id: ASSET, kind: "code", openIssues: 25, teamId: null });

    expect(
      (
        await call(patchAssetRoute, `/assets/${encoded}`, {
          method: "PATCH",
          body: { teamId },
          token: memberToken,
          params: { id: ASSET },
        })
      ).status,
    ).toBe(403);
    const mapped = await call(patchAssetRoute, `/assets/${encoded}`, {
      method: "PATCH",
      body: { teamId },
      params: { id: ASSET },
    });
    expect(mapped.body).toMatchObject({ teamId, teamName: "Platform" });
    expect((await call(listIssuesRoute, `/issues?teamId=${teamId}&limit=100`)).body.items).toHaveLength(25);
    const [updated] = await rows<{ ids: string[] }>(
      db,
      sql`select payload->'ids' as ids from deliveries where kind = 'asset_updated'`,
    );
    expect(updated.ids).toEqual([ASSET]);
    expect(
      (
        await call(patchAssetRoute, `/assets/${encoded}`, {
          method: "PATCH",
          body: { teamId: "not-a-uuid" },
          params: { id: ASSET },
        })
      ).status,
    ).toBe(422);
    const unknown = await call(patchAssetRoute, `/assets/${encoded}`, {
      method: "PATCH",
      body: { teamId: null, name: "renamed" },
      params: { id: ASSET },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toEqual({ name: "Unknown field" });
    const unknownStatus = await call(patchIssueRoute, "/issues/x", {
      method: "PATCH",
      body: { status: "open", severity: "info" },
      params: { id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknownStatus.status).toBe(422);
    expect(unknownStatus.body.error.fields).toEqual({ severity: "Unknown field" });
  });

  it("an administrator deletes an asset and its issues; their ids can still be fetched", async () => {
    const id = "logs/prod/api";
    const [issue] = (await call(listIssuesRoute, "/issues?kind=log")).body.items;
    expect(
      (await call(deleteAssetRoute, "/assets/x", { method: "DELETE", token: memberToken, params: { id } })).status,
    ).toBe(403);
    expect((await call(deleteAssetRoute, "/assets/x", { method: "DELETE", params: { id } })).status).toBe(204);
    expect((await call(getAssetRoute, "/assets/x", { params: { id } })).status).toBe(404);
    expect((await call(listIssuesRoute, "/issues?kind=log")).body.items).toEqual([]);
    const tombstone = await call(getIssueRoute, `/issues/${issue.id}`, { params: { id: issue.id } });
    expect(tombstone.status).toBe(200);
    expect(tombstone.body.deletedAt).not.toBeNull();
    const events = await rows<{ kind: string; ids: string[] }>(
      db,
      sql`select kind, payload->'ids' as ids from deliveries where kind in ('asset_deleted', 'issue_deleted')`,
    );
    expect(Object.fromEntries(events.map((e) => [e.kind, e.ids]))).toEqual({
      asset_deleted: ["logs/prod/api"],
      issue_deleted: [issue.id],
    });

    // A later scan of the same id creates the asset afresh.
    const again = await ingestScan(admin, {
      asset: { id: "logs/prod/api", kind: "log" },
      findings: [finding(100, "info")],
    });
    expect(again).toMatchObject({ created: 1, updated: 0, resolved: 0, deleted: 0 });
  });
});
