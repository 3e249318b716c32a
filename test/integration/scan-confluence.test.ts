import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { PATCH as patchAsset } from "@/app/api/v1/assets/[id]/route";
import { POST as hookRoute } from "@/app/api/v1/hooks/[provider]/[integrationId]/route";
import {
  DELETE as cancelRoute,
  GET as progressRoute,
  POST as scanRoute,
} from "@/app/api/v1/teams/[teamId]/integrations/[provider]/scan/route";
import { PUT as putSettings } from "@/app/api/v1/teams/[teamId]/integrations/[provider]/scan/settings/route";
import { loadScanSettings } from "@/lib/scanning/settings";
import { createTeam } from "@/lib/people/teams";
import { createConfluenceFake } from "@/test/fakes";
import { call, makeUser, setupAdmin, type Actor } from "@/test/support/api";
import { expectDocumented } from "@/test/support/openapi";
import {
  createScanIntegration,
  issuesOf,
  resetScanTables,
  runScansToEnd,
  scoreByKind,
  seedConfluence,
  type Expected,
} from "./scan-harness";

const confluence = createConfluenceFake();
let admin: Actor;
let member: Actor;
let teamId: string;
let integrationId: string;
let expected: Expected[];
const ASSET = () => `confluence:${new URL(confluence.url).host}/`;
const params = () => ({ provider: "confluence", teamId });

async function setLists(deny: string[], redact = false, redactMessage = "[removed]") {
  expect(
    (
      await call(putSettings, {
        token: admin.token,
        params: params(),
        method: "PUT",
        body: { allow: [], deny, redact, redactMessage },
      })
    ).status,
  ).toBe(200);
}

async function hook(body: unknown, token: string | null) {
  const url = `http://localhost/api/v1/hooks/confluence/${integrationId}${token ? `?token=${token}` : ""}`;
  const response = await hookRoute(
    new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    { params: Promise.resolve({ provider: "confluence", integrationId }) },
  );
  await expectDocumented(hookRoute, response.status, await response.json());
  return response.status;
}

beforeAll(async () => {
  admin = await setupAdmin();
  member = await makeUser(admin, "member@acme.test");
  teamId = (await createTeam(admin.principal, { name: "Platform" })).id;
  await confluence.start();
  expected = seedConfluence(confluence, ["ENG", "OPS", "HR"], 40);
  integrationId = await createScanIntegration("confluence", confluence.url, teamId);
});
afterAll(() => confluence.stop());
beforeEach(async () => {
  await resetScanTables();
  confluence.reset();
});

describe("Confluence scanning (team level)", () => {
  it("Scan now over the allowed spaces finds every planted secret and no look-alike", async () => {
    await setLists(["HR"]);
    expect((await call(scanRoute, { token: admin.token, params: params(), method: "POST" })).status).toBe(200);
    await runScansToEnd();
    const wanted = expected.filter((e) => e.unit !== "HR");
    expect((await call(progressRoute, { token: admin.token, params: params() })).body).toEqual(
      expect.objectContaining({ state: "done", scanned: 80, total: 80, found: wanted.length }),
    );
    const found = await issuesOf(ASSET());
    const score = scoreByKind(wanted, found);
    console.log("Confluence precision/recall by detector:", JSON.stringify(score));
    for (const [id, s] of Object.entries(score)) expect(s, id).toMatchObject({ recall: 1, precision: 1 });
    expect(new Set(found.map((f) => f.assetId))).toEqual(new Set([`${ASSET()}ENG`, `${ASSET()}OPS`]));
    expect(confluence.requests.some((r) => r.query.get("body-format") === "storage")).toBe(true);
    expect(confluence.violations).toEqual([]);
  });

  it("the spaces a team's integration scans become that team's assets on creation; an administrator's later mapping stays", async () => {
    const teams = async () =>
      Object.fromEntries(
        (await rows<{ id: string; teamId: string | null }>(db, sql`select id, team_id as "teamId" from assets`)).map(
          (a) => [a.id, a.teamId],
        ),
      );
    await setLists(["OPS", "HR"]);
    await call(scanRoute, { token: admin.token, params: params(), method: "POST" });
    await runScansToEnd();
    expect(await teams()).toEqual({ [`${ASSET()}ENG`]: teamId });
    // The administrator takes ENG away from the team; the next scans leave it so, and map only the new space.
    expect(
      (
        await call(patchAsset, {
          token: admin.token,
          params: { id: `${ASSET()}ENG` },
          method: "PATCH",
          body: { teamId: null },
        })
      ).status,
    ).toBe(200);
    await setLists(["HR"]);
    await call(scanRoute, { token: admin.token, params: params(), method: "POST" });
    await runScansToEnd();
    expect(await teams()).toEqual({ [`${ASSET()}ENG`]: null, [`${ASSET()}OPS`]: teamId });
    // A webhook's one-page scan of an unmapped space's page keeps the mapping too.
    const { webhookToken } = await loadScanSettings(integrationId);
    expect(await hook({ page: { id: expected.find((e) => e.unit === "ENG")!.path.split("/")[1] } }, webhookToken)).toBe(
      202,
    );
    await runScansToEnd();
    expect((await teams())[`${ASSET()}ENG`]).toBeNull();
    expect(confluence.violations).toEqual([]);
  });

  it("a member cannot start a scan; cancel stops one", async () => {
    expect((await call(scanRoute, { token: member.token, params: params(), method: "POST" })).status).toBe(403);
    await call(scanRoute, { token: admin.token, params: params(), method: "POST" });
    const cancelled = await call(cancelRoute, { token: admin.token, params: params(), method: "DELETE" });
    expect(cancelled.body).toMatchObject({ state: "cancelled" });
    await runScansToEnd();
    expect(await issuesOf(ASSET())).toEqual([]);
  });

  it("a page-updated event with the token scans the page and redacts it through a new version; without it, 401", async () => {
    await setLists([], true, "[secret removed]");
    const { webhookToken } = await loadScanSettings(integrationId);
    const target = expected.find((e) => e.unit === "ENG")!;
    const pageId = target.path.split("/")[1];
    expect(await hook({ page: { id: Number(pageId), spaceKey: "ENG" } }, null)).toBe(401);
    expect(await hook({ page: { id: Number(pageId) } }, "nope")).toBe(401);
    expect(await hook({ page: { id: Number(pageId), spaceKey: "ENG" }, userAccountId: "x" }, webhookToken)).toBe(202);
    await runScansToEnd();
    const page = confluence.pages.find((p) => p.id === pageId)!;
    expect(page.storage).not.toContain(target.secret);
    expect(page.storage).toContain("[secret removed]");
    expect(page.version).toBe(2);
    expect(await issuesOf(ASSET())).toEqual([
      expect.objectContaining({ path: target.path, detectorId: target.detectorId, status: "open" }),
    ]);
    // The next event finds the page clean: its issue resolves.
    await hook({ page: { id: pageId } }, webhookToken);
    await runScansToEnd();
    expect(await issuesOf(ASSET())).toEqual([expect.objectContaining({ path: target.path, status: "resolved" })]);
    expect(confluence.violations).toEqual([]);
  });

  it("a page-removed event deletes that page's issues at once, though the page no longer names its space", async () => {
    await setLists(["HR"]);
    expect((await call(scanRoute, { token: admin.token, params: params(), method: "POST" })).status).toBe(200);
    await runScansToEnd();
    const before = await issuesOf(ASSET());
    const target = expected.find((e) => e.unit === "OPS")!;
    const pageId = target.path.split("/")[1];
    const index = confluence.pages.findIndex((p) => p.id === pageId);
    const [page] = confluence.pages.splice(index, 1);
    try {
      const { webhookToken } = await loadScanSettings(integrationId);
      expect(await hook({ page: { id: Number(pageId) } }, webhookToken)).toBe(202);
      await runScansToEnd();
      const after = await issuesOf(ASSET());
      const onPage = (i: { path: string }) => i.path === target.path || i.path.startsWith(`${target.path}#`);
      expect(after.filter(onPage).length).toBeGreaterThan(0);
      expect(after.filter(onPage).every((i) => i.deleted && i.status === "resolved")).toBe(true);
      // Every other page's issues are as they were.
      expect(after.filter((i) => !onPage(i))).toEqual(before.filter((i) => !onPage(i)));
      // An event for a page we never saw changes nothing.
      expect(await hook({ page: { id: 99999999 } }, webhookToken)).toBe(202);
      await runScansToEnd();
      expect(await issuesOf(ASSET())).toEqual(after);
    } finally {
      confluence.pages.splice(index, 0, page);
    }
  });
});
