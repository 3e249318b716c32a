import { createHash, randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { db } from "./client";
import { assets, detectors, issues, teamMemberships, teams, users } from "./schema";
import { DEMO_ASSETS, DEMO_DETECTORS, DEMO_PATHS, DEMO_TEAMS } from "./demo-data";
import { hashPassword } from "@/lib/auth/password";
import { createApiToken } from "@/lib/auth/tokens";

type BootstrapOptions = { seedDemo: boolean; log?: (line: string) => void };

/**
 * First start: when no user exists, create the first administrator (ADMIN_EMAIL/ADMIN_PASSWORD,
 * ADMIN_API_TOKEN) and, unless disabled, the demo account. Runs in one transaction.
 */
export async function bootstrap({ seedDemo, log = console.log }: BootstrapOptions): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return;
  const email = (process.env.ADMIN_EMAIL || "admin@example.com").toLowerCase();
  const generated = !process.env.ADMIN_PASSWORD;
  const password = process.env.ADMIN_PASSWORD || randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);

  await db.transaction(async (tx) => {
    const [admin] = await tx.insert(users).values({ email, name: "Account Admin", passwordHash, isAdmin: true }).returning();
    if (process.env.ADMIN_API_TOKEN) await createApiToken(tx, admin.id, "bootstrap", process.env.ADMIN_API_TOKEN);
    if (!seedDemo) return;

    const teamRows = await tx.insert(teams).values(DEMO_TEAMS.map((name) => ({ name }))).returning();
    const teamId = (name: string | null) => teamRows.find((t) => t.name === name)?.id ?? null;
    const people = await tx
      .insert(users)
      .values([
        { email: "lead@example.com", name: "Lee Lead", passwordHash },
        { email: "analyst@example.com", name: "Ana Analyst", passwordHash },
        { email: "payments.lead@example.com", name: "Pat Payments", passwordHash },
      ])
      .returning();
    await tx.insert(teamMemberships).values([
      { teamId: teamId("Platform")!, userId: people[0].id, role: "lead" },
      { teamId: teamId("Platform")!, userId: people[1].id, role: "member" },
      { teamId: teamId("Payments")!, userId: people[2].id, role: "lead" },
      { teamId: teamId("Mobile")!, userId: people[1].id, role: "member" },
    ]);
    await tx.insert(detectors).values(DEMO_DETECTORS.map((d) => ({ ...d })));
    await tx.insert(assets).values(DEMO_ASSETS.map((a) => ({ id: a.id, name: a.name, kind: a.kind, url: a.url, teamId: teamId(a.team), lastIngestAt: new Date() })));
    await tx.insert(issues).values(demoIssues());
  });

  log("");
  log("  Code Security is ready. Sign in at http://localhost:" + (process.env.PORT || 3000) + "/login");
  log(`    administrator: ${email}`);
  if (seedDemo) log("    team lead:     lead@example.com   analyst (member): analyst@example.com");
  log(generated ? `    password:      ${password}   (shown once; all demo users share it)` : "    password:      the ADMIN_PASSWORD you set");
  log("");
}

function demoIssues() {
  // A small deterministic generator keeps the demo the same on every machine.
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
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
