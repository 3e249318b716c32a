// Who hears about a change: the asset's team's integrations besides the global ones, never another
// team's, never a disabled one, and each provider only what it sends. Read back from the queue.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";
import { assets, issues, teams } from "@/db/schema";
import { notifyChanges } from "@/lib/notifications/fan-out";
import type { ChangeSet } from "@/lib/notifications/changes";
import type { Severity } from "@/lib/severity";
import { createIntegration, resetDeliveryTables } from "./delivery-fixtures";

let teamA: string;
let teamB: string;
beforeEach(async () => {
  await resetDeliveryTables();
  await db.execute(sql`delete from teams`);
  [{ id: teamA }, { id: teamB }] = await db
    .insert(teams)
    .values([{ name: "Platform" }, { name: "Payments" }])
    .returning({ id: teams.id });
});

/** Issue ids are uuids; each name stands for one. */
const issueIds = new Map<string, string>();
const idOf = (name: string) => issueIds.get(name) ?? issueIds.set(name, randomUUID()).get(name)!;
const issue = (name: string, severity: Severity = "error") => ({
  id: idOf(name),
  assetId: "github.com/acme/app",
  detectorId: "CLD001",
  detectorName: "Visible AWS Key",
  severity,
});
const asset = (teamId: string | null) => ({ id: "github.com/acme/app", name: "acme/app", url: null, teamId });

/** Who got what: "<integration name>: <kind>", sorted. */
async function heard(change: ChangeSet, names: Record<string, string>) {
  await db.transaction((tx) => notifyChanges(tx, change));
  const queued = await rows<{ integration_id: string; kind: string }>(
    db,
    sql`select integration_id, kind from deliveries order by kind`,
  );
  return queued.map((d) => `${names[d.integration_id]}: ${d.kind}`).sort();
}

describe("who hears about a change", () => {
  it("the global integrations and the asset's team's, never another team's", async () => {
    const globalSlack = await createIntegration("slack", "https://hooks.example.com/g");
    const teamSlack = await createIntegration("slack", "https://hooks.example.com/a", { teamId: teamA });
    const otherSlack = await createIntegration("slack", "https://hooks.example.com/b", { teamId: teamB });
    const names = { [globalSlack.id]: "global", [teamSlack.id]: "team A", [otherSlack.id]: "team B" };
    expect(await heard({ asset: asset(teamA), created: [issue("i1")] }, names)).toEqual([
      "global: issues_created",
      "team A: issues_created",
    ]);
    await resetQueue();
    expect(await heard({ asset: asset(null), created: [issue("i2")] }, names)).toEqual(["global: issues_created"]);
  });

  it("the team an asset was just moved away from hears the change too", async () => {
    const teamSlack = await createIntegration("slack", "https://hooks.example.com/a", { teamId: teamA });
    const otherSlack = await createIntegration("slack", "https://hooks.example.com/b", { teamId: teamB });
    const names = { [teamSlack.id]: "team A", [otherSlack.id]: "team B" };
    expect(await heard({ asset: asset(teamB), alsoTeamIds: [teamA, teamB], created: [issue("i1")] }, names)).toEqual([
      "team A: issues_created",
      "team B: issues_created",
    ]);
    await resetQueue();
    expect(await heard({ asset: asset(null), alsoTeamIds: [teamA], created: [issue("i2")] }, names)).toEqual([
      "team A: issues_created",
    ]);
  });

  it("a disabled integration hears nothing, and a provider that sends nothing queues nothing", async () => {
    const off = await createIntegration("slack", "https://hooks.example.com/g");
    await db.execute(sql`update integrations set enabled = false where id = ${off.id}`);
    const jira = await createIntegration("jira", "https://acme.atlassian.net");
    const pd = await createIntegration("pagerduty", "https://events.example.com");
    const names = { [off.id]: "slack", [jira.id]: "jira", [pd.id]: "pagerduty" };
    // i0 opened before PagerDuty was set up, so no alert of it was recorded: it is resolved as ever.
    expect(await heard({ asset: asset(null), created: [issue("i1")], resolved: [issue("i0")] }, names)).toEqual([
      "pagerduty: pagerduty_resolve",
      "pagerduty: pagerduty_trigger",
    ]);
  });

  it("a stray team-level Custom Webhook is ignored: the Custom Webhook has no team level", async () => {
    const stray = await createIntegration("custom-webhook", "https://example.com/t", { teamId: teamA });
    const global = await createIntegration("custom-webhook", "https://example.com/g");
    const names = { [stray.id]: "team", [global.id]: "global" };
    expect(await heard({ asset: asset(teamA), created: [issue("i1")] }, names)).toEqual(["global: issues_created"]);
  });

  it("an events webhook gets its change events coalesced, and the other deliveries in the same change", async () => {
    const events = await createIntegration("events-webhook", "https://example.com/e");
    const names = { [events.id]: "events" };
    expect(
      await heard(
        {
          asset: asset(null),
          created: [issue("i1")],
          ingest: { created: 1, updated: 0, resolved: 0, deleted: 0 },
        },
        names,
      ),
    ).toEqual(["events: ingest_completed", "events: issue_created"]);
  });
});

describe("a PagerDuty alert is resolved where it was opened", () => {
  const pagerDuty = async (min: Severity, teamId?: string) => {
    const pd = await createIntegration("pagerduty", "https://events.example.com", teamId ? { teamId } : {});
    await db.execute(sql`update integrations set min_severity = ${min} where id = ${pd.id}`);
    return pd;
  };
  const setMin = (id: string, min: Severity) =>
    db.execute(sql`update integrations set min_severity = ${min} where id = ${id}`);
  const open = () =>
    rows<{ integration_id: string; issue_id: string }>(
      db,
      sql`select integration_id, issue_id from open_alerts order by opened_at`,
    );

  it("after its minimum severity was raised above the issue's", async () => {
    const pd = await pagerDuty("warning");
    const names = { [pd.id]: "pagerduty" };
    expect(await heard({ asset: asset(null), created: [issue("w", "warning"), issue("i", "info")] }, names)).toEqual([
      "pagerduty: pagerduty_trigger",
    ]);
    expect(await open()).toEqual([{ integration_id: pd.id, issue_id: idOf("w") }]);
    await setMin(pd.id, "error");
    await resetQueue();
    // The warning's alert is open, so it is resolved; the info issue never paged, so it is not.
    expect(await heard({ asset: asset(null), resolved: [issue("w", "warning"), issue("i", "info")] }, names)).toEqual([
      "pagerduty: pagerduty_resolve",
    ]);
    expect(await open()).toEqual([]);
    // Closed twice (resolved, then its asset deleted): one resolve.
    await resetQueue();
    expect(await heard({ asset: asset(null), deleted: [issue("w", "warning")] }, names)).toEqual([]);
  });

  it("by the team that paged, after the asset moved to another team", async () => {
    const pdA = await pagerDuty("info", teamA);
    const pdB = await pagerDuty("info", teamB);
    const names = { [pdA.id]: "team A", [pdB.id]: "team B" };
    expect(await heard({ asset: asset(teamA), created: [issue("k")] }, names)).toEqual(["team A: pagerduty_trigger"]);
    await resetQueue();
    expect(await heard({ asset: asset(teamB), ignored: [issue("k")] }, names)).toEqual(["team A: pagerduty_resolve"]);
    const [resolve] = await rows<{ payload: unknown }>(db, sql`select payload from deliveries`);
    expect(resolve.payload).toEqual({ action: "resolve", issue: issue("k") });
  });

  it("a disabled integration keeps its open alerts, and resolves them once enabled; a deleted one forgets them", async () => {
    const pd = await pagerDuty("info");
    const names = { [pd.id]: "pagerduty" };
    await heard({ asset: asset(null), created: [issue("a"), issue("b")] }, names);
    await db.execute(sql`update integrations set enabled = false where id = ${pd.id}`);
    await resetQueue();
    expect(await heard({ asset: asset(null), resolved: [issue("a")] }, names)).toEqual([]);
    expect((await open()).map((o) => o.issue_id).sort()).toEqual([idOf("a"), idOf("b")].sort());
    await db.execute(sql`update integrations set enabled = true where id = ${pd.id}`);
    expect(await heard({ asset: asset(null), deleted: [issue("a")] }, names)).toEqual(["pagerduty: pagerduty_resolve"]);
    await db.execute(sql`delete from integrations where id = ${pd.id}`);
    expect(await open()).toEqual([]);
  });
});

describe("the alerts open before alerts were recorded (migration 0011)", () => {
  it("are every open issue at or above a PagerDuty integration's minimum, in its scope", async () => {
    const statements = readFileSync(path.join(migrationsFolder, "0011_open_alerts.sql"), "utf8").split(
      "--> statement-breakpoint",
    );
    const backfill = statements.at(-1)!;
    expect(backfill).toContain('INSERT INTO "open_alerts"');
    await db.execute(sql`delete from assets where id like 'backfill/%'`);
    await db.insert(assets).values([
      { id: "backfill/a", name: "a", kind: "code", teamId: teamA },
      { id: "backfill/none", name: "none", kind: "code" },
      { id: "backfill/gone", name: "gone", kind: "code", teamId: teamA, deletedAt: new Date() },
    ]);
    const at = (assetId: string, name: string, severity: Severity, over: Partial<typeof issues.$inferInsert> = {}) => ({
      id: idOf(name),
      assetId,
      identity: name,
      kind: "code" as const,
      detectorId: "CLD001",
      detectorName: "Visible AWS Key",
      severity,
      ...over,
    });
    await db
      .insert(issues)
      .values([
        at("backfill/a", "e1", "error"),
        at("backfill/a", "w1", "warning"),
        at("backfill/a", "fixed", "error", { status: "resolved" }),
        at("backfill/a", "tombstone", "error", { deletedAt: new Date() }),
        at("backfill/none", "e2", "error"),
        at("backfill/none", "i2", "info"),
        at("backfill/gone", "e3", "error"),
      ]);
    const global = await createIntegration("pagerduty", "https://events.example.com");
    const forA = await createIntegration("pagerduty", "https://events.example.com", { teamId: teamA });
    const forB = await createIntegration("pagerduty", "https://events.example.com", { teamId: teamB });
    await createIntegration("slack", "https://hooks.example.com/g");
    await db.execute(sql`update integrations set min_severity = 'error' where id = ${global.id}`);
    await db.execute(sql`update integrations set min_severity = 'warning' where id = ${forA.id}`);
    await db.execute(sql`update integrations set min_severity = 'info', enabled = false where id = ${forB.id}`);
    await db.execute(sql.raw(backfill));
    const names = new Map([...issueIds].map(([name, id]) => [id, name]));
    const open = await rows<{ integration_id: string; issue_id: string }>(db, sql`select * from open_alerts`);
    const who = { [global.id]: "global", [forA.id]: "team A", [forB.id]: "team B" };
    expect(open.map((o) => `${who[o.integration_id]}: ${names.get(o.issue_id)}`).sort()).toEqual([
      "global: e1",
      "global: e2",
      "team A: e1",
      "team A: w1",
    ]);
    await db.execute(sql`delete from assets where id like 'backfill/%'`);
  });
});

async function resetQueue() {
  await db.execute(sql`delete from deliveries`);
}
