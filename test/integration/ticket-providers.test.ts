import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { configuredTicketProviders } from "@/lib/issues/options";
import { createTeam } from "@/lib/people/teams";
import { ensureSyncRuns } from "@/lib/sync/runs";
import { setupAdmin } from "@/test/support/api";

// The lists of ticket providers the database is asked about come from the registry's `tickets`.
async function integration(provider: string, teamId: string | null, enabled = true): Promise<string> {
  const [row] = await rows<{ id: string }>(
    db,
    sql`insert into integrations (provider, team_id, enabled, secrets) values (${provider}, ${teamId}, ${enabled}, 'sealed')
        returning id::text`,
  );
  return row.id;
}

describe("ticket providers in the database", () => {
  it("offers a Create button per ticket provider, wherever one of its integrations is enabled", async () => {
    const admin = await setupAdmin();
    const team = (await createTeam(admin.principal, { name: "Ticket team" })).id;
    expect(await configuredTicketProviders()).toEqual({ jira: false, monday: false });

    await integration("slack", null);
    await integration("confluence", null);
    const jiraOff = await integration("jira", null, false);
    expect(await configuredTicketProviders()).toEqual({ jira: false, monday: false });

    await integration("monday", team);
    expect(await configuredTicketProviders()).toEqual({ jira: false, monday: true });
    await db.execute(sql`update integrations set enabled = true where id = ${jiraOff}`);
    expect(await configuredTicketProviders()).toEqual({ jira: true, monday: true });
  });

  it("reconciles each integration that syncs at its scope, and no other", async () => {
    const admin = await setupAdmin();
    const team = (await createTeam(admin.principal, { name: "Sync team" })).id;
    await db.execute(sql`delete from integrations`);
    const wanted = [
      await integration("jira", null),
      await integration("jira", team),
      await integration("monday", null),
    ];
    await integration("monday", team);
    await integration("slack", null);
    await integration("confluence", team);

    await ensureSyncRuns();
    const runs = await rows<{ id: string }>(db, sql`select integration_id::text as id from sync_runs`);
    expect(runs.map((r) => r.id).sort()).toEqual([...wanted].sort());
  });
});
