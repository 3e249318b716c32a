// Who hears about a change: the asset's team's integrations besides the global ones, never another
// team's, never a disabled one, and each provider only what it sends. Read back from the queue.
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { teams } from "@/db/schema";
import { notifyChanges } from "@/lib/notifications/fan-out";
import type { ChangeSet } from "@/lib/notifications/changes";
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

const issue = (id: string) => ({
  id,
  assetId: "github.com/acme/app",
  detectorId: "CLD001",
  detectorName: "Visible AWS Key",
  severity: "error" as const,
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

async function resetQueue() {
  await db.execute(sql`delete from deliveries`);
}
