// @ts-nocheck
import { createHash, randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { db } from "./client";
import { assets, detectors, issues, teamMemberships, teams, users } from "./schema";
import { DEMO_ASSETS, DEMO_DETECTORS, DEMO_PATHS, DEMO_TEAMS } from "./demo-data";
import { hashPassword } from "@/lib/auth/password";
import { createApiToken } from "@/lib/auth/tokens";

type BootstrapOptions = { seedDemo: boolean; log?: (line: string) => void };

const DEMO_PEOPLE = [
  { email: "lead@example.com", name: "Lee Lead", role: "team lead" },
  { email: "analyst@example.com", name: "Ana Analyst", role: "analyst (member)" },
  { email: "payments.lead@example.com", name: "Pat Payments", role: "team lead" },
] as const;

type Credential = { email: string; password: string; given: boolean };

const randomPassword = () => randomBytes(12).toString("base64url");

/**
 * Each demo person's own password: random, unless DEMO_PASSWORDS names one
 * (`lead@example.com=…,analyst@example.com=…`, for tests that sign in as them). No two people,
 * the administrator included, may share one.
 */
function demoCredentials(adminPassword: string): Credential[] {
  const given = new Map<string, string>();
  for (const pair of (process.env.DEMO_PASSWORDS ?? "").split(",").filter((p) => p.trim())) {
    const at = pair.indexOf("=");
    if (at > 0) given.set(pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1));
  }
  const people = DEMO_PEOPLE.map((p) => ({ email: p.email, password: given.get(p.email) || randomPassword(), given: given.has(p.email) }));
  const all = [adminPassword, ...people.map((p) => p.password)];
  if (new Set(all).size !== all.length) throw new Error("DEMO_PASSWORDS: every demo person needs a password of their own, unlike the administrator's and each other's");
  return people;
}

/**
 * First start: when no user exists, create the first administrator (ADMIN_EMAIL/ADMIN_PASSWORD,
 * ADMIN_API_TOKEN) and, unless disabled, the demo account. Runs in one transaction.
 */
export async function bootstrap({ seedDemo, log = console.log }: BootstrapOptions): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return;
  const email = (process.env.ADMIN_EMAIL || "admin@example.com").toLowerCase();
  const generated = !process.env.ADMIN_PASSWORD;
  const password = process.env.ADMIN_PASSWORD || randomPassword();
  const passwordHash = await hashPassword(password);

  const demo = seedDemo ? demoCredentials(password) : [];
  const demoHashes = await Promise.all(demo.map((d) => hashPassword(d.password)));

  await db.transaction(async (tx) => {
    const [admin] = await tx.insert(users).values({ email, name: "Account Admin", passwordHash, isAdmin: true }).returning();
    if (process.env.ADMIN_API_TOKEN) await createApiToken(tx, admin.id, "bootstrap", process.env.ADMIN_API_TOKEN);
    if (!seedDemo) return;

    const teamRows = await tx.insert(teams).values(DEMO_TEAMS.map((name) => ({ name }))).returning();
    const teamId = (name: string | null) => teamRows.find((t) => t.name === name)?.id ?? null;
    const people = await tx
      .insert(users)
      .values(DEMO_PEOPLE.map((p, i) => ({ email: p.email, name: p.name, passwordHash: demoHashes[i] })))
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
  const line = (role: string, who: string, secret: string, given: boolean, source: string) =>
    log(`    ${`${role}:`.padEnd(18)} ${who.padEnd(27)} ${given ? `(the ${source} you set)` : secret}`);
  line("administrator", email, password, !generated, "ADMIN_PASSWORD");
  demo.forEach((d, i) => line(DEMO_PEOPLE[i].role, d.email, d.password, d.given, "DEMO_PASSWORDS"));
  log("    Passwords are shown this once; each person has their own.");
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
