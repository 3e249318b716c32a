// Shared set-up for the ticket suites: an administrator, a member of team B, team A owning the
// asset, and a few issues made by a real ingest.
import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { setAssetTeam } from "@/lib/assets/service";
import { ingestScan } from "@/lib/issues/ingest";
import { createTeam, setMembership } from "@/lib/people/teams";
import { makeUser, refresh, setupAdmin, type Actor } from "@/test/support/api";

export const ASSET = "github.com/maggie/jelly-sandwich";
export const UNMAPPED = "logs/prod/api";

export type TicketWorld = {
  admin: Actor;
  member: Actor;
  teamA: string;
  teamB: string;
  issues: string[];
  unmappedIssue: string;
};

export async function seedTicketWorld(): Promise<TicketWorld> {
  const admin = await setupAdmin();
  const teamA = (await createTeam(admin.principal, { name: "Team A" })).id;
  const teamB = (await createTeam(admin.principal, { name: "Team B" })).id;
  let member = await makeUser(admin, "analyst@example.com");
  await setMembership(admin.principal, teamB, member.principal.userId, "member");
  member = await refresh(member);
  const findings = Array.from({ length: 6 }, (_, i) => ({
    detectorId: `SENF02${i}`,
    detectorName: `Visible AWS Key ${i}`,
    severity: "error",
    path: `config/initializers/secret_${i}.rb`,
    content: `aws_secret = 'AKIA…${i}'`,
    uri: `https://github.com/maggie/jelly-sandwich/blob/main/config/initializers/secret_${i}.rb#L${i + 3}`,
  }));
  await ingestScan(admin.principal, { asset: { id: ASSET, name: "jelly-sandwich", kind: "code" }, findings });
  await ingestScan(admin.principal, {
    asset: { id: UNMAPPED, name: "api", kind: "log" },
    findings: [{ ...findings[0], severity: "warning" }],
  });
  await setAssetTeam(admin.principal, ASSET, teamA);
  const ids = await rows<{ id: string; assetId: string }>(
    db,
    sql`select id, asset_id as "assetId" from issues order by path`,
  );
  return {
    admin,
    member,
    teamA,
    teamB,
    issues: ids.filter((r) => r.assetId === ASSET).map((r) => r.id),
    unmappedIssue: ids.find((r) => r.assetId === UNMAPPED)!.id,
  };
}

export async function storedTickets(issueId: string): Promise<{ provider: string; key: string; url: string }[]> {
  return rows(db, sql`select provider, key, url from issue_tickets where issue_id = ${issueId} order by provider`);
}
