import { createHash } from "node:crypto";
import type { Executor } from "./client";
import { assets, detectors, issues, teamMemberships, teams, users } from "./schema";
import { DEMO_ASSETS, DEMO_DETECTORS, DEMO_PATHS, DEMO_TEAMS } from "./demo-data";

// The demo account's rows. Who the people are and how their passwords are made is
// lib/people/first-start.ts's business; this file only writes what it is given.

export const DEMO_PEOPLE = [
  { email: "lead@example.com", name: "Lee Lead", role: "team lead" },
  { email: "analyst@example.com", name: "Ana Analyst", role: "analyst (member)" },
  { email: "payments.lead@example.com", name: "Pat Payments", role: "team lead" },
] as const;

/** Teams, the demo people (with the given password hashes, in DEMO_PEOPLE's order), detectors, assets and issues. */
export async function insertDemoData(tx: Executor, passwordHashes: string[]): Promise<void> {
  const teamRows = await tx
    .insert(teams)
    .values(DEMO_TEAMS.map((name) => ({ name })))
    .returning();
  const teamId = (name: string | null) => teamRows.find((t) => t.name === name)?.id ?? null;
  const people = await tx
    .insert(users)
    .values(DEMO_PEOPLE.map((p, i) => ({ email: p.email, name: p.name, passwordHash: passwordHashes[i] })))
    .returning();
  await tx.insert(teamMemberships).values([
    { teamId: teamId("Platform")!, userId: people[0].id, role: "lead" },
    { teamId: teamId("Platform")!, userId: people[1].id, role: "member" },
    { teamId: teamId("Payments")!, userId: people[2].id, role: "lead" },
    { teamId: teamId("Mobile")!, userId: people[1].id, role: "member" },
  ]);
  await tx.insert(detectors).values(DEMO_DETECTORS.map((d) => ({ ...d })));
  await tx.insert(assets).values(
    DEMO_ASSETS.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      url: a.url,
      teamId: teamId(a.team),
      lastIngestAt: new Date(),
    })),
  );
  await tx.insert(issues).values(demoIssues());
}

function demoIssues() {
  // A small deterministic generator keeps the demo the same on every machine.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const now = Date.now();
  return Array.from({ length: 200 }, (_, i) => {
    const asset = DEMO_ASSETS[i % DEMO_ASSETS.length];
    const detector = pick(DEMO_DETECTORS);
    const path = pick(DEMO_PATHS[asset.kind]);
    const line = 1 + Math.floor(next() * 180);
    const content = `${detector.id === "CLD001" ? "aws_access_key_id = AKIA" : "secret = "}${randomLike(next)}`;
    const firstSeen = new Date(now - Math.floor(next() * 45 * 86_400_000));
    const status = next() < 0.8 ? "open" : next() < 0.7 ? "resolved" : "ignored";
    return {
      assetId: asset.id,
      identity: createHash("sha256").update(`${detector.id}\0${path}\0${content}\0${i}`).digest("hex"),
      kind: asset.kind,
      detectorId: detector.id,
      detectorName: detector.name,
      severity: detector.severity,
      path,
      content,
      uri: asset.url ? `${asset.url}/blob/main/${path}#L${line}` : "",
      status: status as "open" | "resolved" | "ignored",
      firstSeen,
      lastSeen: new Date(Math.max(firstSeen.getTime(), now - Math.floor(next() * 3 * 86_400_000))),
    };
  });
}

function randomLike(next: () => number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  return Array.from({ length: 16 }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
}
