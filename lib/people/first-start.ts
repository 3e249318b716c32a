import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_PEOPLE, insertDemoData } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { createApiToken } from "@/lib/auth/tokens";

type BootstrapOptions = { seedDemo: boolean; log?: (line: string) => void };

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
  const people = DEMO_PEOPLE.map((p) => ({
    email: p.email,
    password: given.get(p.email) || randomPassword(),
    given: given.has(p.email),
  }));
  const all = [adminPassword, ...people.map((p) => p.password)];
  if (new Set(all).size !== all.length)
    throw new Error(
      "DEMO_PASSWORDS: every demo person needs a password of their own, unlike the administrator's and each other's",
    );
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
    const [admin] = await tx
      .insert(users)
      .values({ email, name: "Account Admin", passwordHash, isAdmin: true })
      .returning();
    if (process.env.ADMIN_API_TOKEN) await createApiToken(tx, admin.id, "bootstrap", process.env.ADMIN_API_TOKEN);
    if (seedDemo) await insertDemoData(tx, demoHashes);
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
