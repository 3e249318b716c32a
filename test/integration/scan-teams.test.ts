import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as hookRoute } from "@/app/api/v1/hooks/[provider]/[integrationId]/route";
import { PATCH as patchAsset } from "@/app/api/v1/assets/[id]/route";
import { GET as teamProgress, POST as teamScan } from "@/app/api/v1/teams/[teamId]/integrations/[provider]/scan/route";
import { PUT as teamScanSettings } from "@/app/api/v1/teams/[teamId]/integrations/[provider]/scan/settings/route";
import { db, rows } from "@/db/client";
import { createTeam } from "@/lib/people/teams";
import { startScan } from "@/lib/scanning/jobs";
import { loadScanSettings, saveScanSettings } from "@/lib/scanning/settings";
import { createJiraFake } from "@/test/fakes";
import { call, setupAdmin, type Actor } from "@/test/support/api";
import { AssetOfAnotherTeam } from "@/lib/issues/ingest";
import { ingestWholeAsset } from "@/lib/scanning/ingest-bridge";
import { createScanIntegration, runScansToEnd, seedJira } from "./scan-harness";

const jira = createJiraFake();
let admin: Actor;
let teamA: string;
let teamB: string;
let teamIntegration: string;
const asset = (project: string) => `jira:${new URL(jira.url).host}/${project}`;

type IssueState = { path: string; status: string; deleted: boolean; content: string };
const issuesOfAsset = (id: string) =>
  rows<IssueState>(
    db,
    sql`select path, status::text as status, deleted_at is not null as deleted, content from issues where asset_id = ${id} order by path, content`,
  );

beforeAll(async () => {
  admin = await setupAdmin();
  await jira.start();
  seedJira(jira, ["SEC", "OPS", "WEB"], 12);
  teamA = (await createTeam(admin.principal, { name: "Platform" })).id;
  teamB = (await createTeam(admin.principal, { name: "Payments" })).id;
  // A global scan made the assets of SEC and OPS; the administrator gave SEC to Payments.
  await createScanIntegration("jira", jira.url);
  await saveScanSettings(admin.principal, "jira", null, {
    allow: [],
    deny: ["WEB"],
    redact: false,
    redactMessage: "[removed]",
  });
  await startScan(admin.principal, "jira", null);
  await runScansToEnd();
  expect(
    (
      await call(patchAsset, {
        token: admin.token,
        method: "PATCH",
        params: { id: asset("SEC") },
        body: { teamId: teamB },
      })
    ).status,
  ).toBe(200);
  teamIntegration = await createScanIntegration("jira", jira.url, teamA);
});
afterAll(() => jira.stop());

describe("a team's scan touches only its own team's assets", () => {
  it("skips another team's project and a global scan's, counts them, and leaves their issues as they were", async () => {
    const sec = await issuesOfAsset(asset("SEC"));
    const ops = await issuesOfAsset(asset("OPS"));
    expect(sec.length).toBeGreaterThan(0);
    expect(ops.length).toBeGreaterThan(0);
    // Half the tickets of both are deleted in Jira: a scan of those projects would delete their issues.
    for (const project of ["SEC", "OPS"]) {
      const gone = jira.issues.filter((i, n) => i.key.startsWith(`${project}-`) && n % 2 === 0).map((i) => i.key);
      for (const key of gone)
        jira.issues.splice(
          jira.issues.findIndex((i) => i.key === key),
          1,
        );
    }
    // Redaction on: another team's tickets must not be rewritten either.
    const settings = { allow: [], deny: [], redact: true, redactMessage: "[removed]" };
    expect(
      (
        await call(teamScanSettings, {
          token: admin.token,
          method: "PUT",
          params: { provider: "jira", teamId: teamA },
          body: settings,
        })
      ).status,
    ).toBe(200);

    jira.reset();
    expect(
      (await call(teamScan, { token: admin.token, method: "POST", params: { provider: "jira", teamId: teamA } }))
        .status,
    ).toBe(200);
    await runScansToEnd();
    const progress = (await call(teamProgress, { token: admin.token, params: { provider: "jira", teamId: teamA } }))
      .body;
    expect(progress).toMatchObject({ state: "done", skipped: 2, scanned: 12, total: 12 });

    expect(await issuesOfAsset(asset("SEC"))).toEqual(sec);
    expect(await issuesOfAsset(asset("OPS"))).toEqual(ops);
    const teams = await rows<{ id: string; teamId: string | null }>(
      db,
      sql`select id, team_id as "teamId" from assets where id like 'jira:%' order by id`,
    );
    expect(teams).toEqual([
      { id: asset("OPS"), teamId: null },
      { id: asset("SEC"), teamId: teamB },
      { id: asset("WEB"), teamId: teamA },
    ]);
    // The team's own new project was redacted; the others' tickets were neither read nor rewritten.
    const rewritten = jira.requests.filter((r) => r.method === "PUT").map((r) => r.path);
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.filter((p) => !p.includes("/WEB-"))).toEqual([]);
    const aboutOthers = jira.requests.filter((r) =>
      /\b(SEC|OPS)(-\d|\b")/.test(
        `${r.path} ${decodeURIComponent(r.query.toString())} ${JSON.stringify(r.body ?? "")}`,
      ),
    );
    expect(aboutOthers.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it("a webhook of the team's integration for another team's ticket is skipped too", async () => {
    const secret = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
    const ticket = jira.addIssue({ projectKey: "SEC", summary: "new", description: `token ${secret}` });
    const before = await issuesOfAsset(asset("SEC"));
    const { webhookToken } = await loadScanSettings(teamIntegration);
    const body = JSON.stringify({ webhookEvent: "jira:issue_updated", issue: { key: ticket.key } });
    const url = `http://localhost/api/v1/hooks/jira/${teamIntegration}?token=${webhookToken}`;
    expect(
      (
        await hookRoute(new Request(url, { method: "POST", body }), {
          params: Promise.resolve({ provider: "jira", integrationId: teamIntegration }),
        })
      ).status,
    ).toBe(202);
    await runScansToEnd();
    expect(await issuesOfAsset(asset("SEC"))).toEqual(before);
    const [item] = await rows<{ skipped: number; scanned: number }>(
      db,
      sql`select skipped, scanned from scan_jobs where kind = 'item' and target = ${ticket.key}`,
    );
    expect(item).toEqual({ skipped: 1, scanned: 0 });
  });

  it("an asset mapped to another team while the scan ran is refused by the ingest itself, under the asset's lock", async () => {
    const before = await issuesOfAsset(asset("SEC"));
    const scanned = { id: asset("SEC"), name: "Jira SEC", url: `${jira.url}/browse/SEC` };
    await expect(ingestWholeAsset(scanned, teamA, [], [])).rejects.toBeInstanceOf(AssetOfAnotherTeam);
    expect(await issuesOfAsset(asset("SEC"))).toEqual(before);
    // The global scan (and the owning team's) still may.
    await expect(
      ingestWholeAsset(
        scanned,
        teamB,
        before.map((i) => i.path),
        [],
      ),
    ).resolves.toMatchObject({ assetId: asset("SEC") });
  });
});
