// Upgrading a populated database (issue 18): migrate a fresh database with the released migrations
// (those on main), fill it through the API, apply this tree's migrations, and read everything back.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as assetsRoute from "@/app/api/v1/assets/route";
import * as globalOne from "@/app/api/v1/integrations/[provider]/route";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import * as issueOne from "@/app/api/v1/issues/[id]/route";
import * as issuesRoute from "@/app/api/v1/issues/route";
import * as teamsRoute from "@/app/api/v1/teams/route";
import * as usersRoute from "@/app/api/v1/users/route";
import { closeDb, db, handle, rows } from "@/db/client";
import { migrate, migrationsFolder } from "@/db/migrate";
import { createSlackFake } from "@/test/fakes";
import { call, seedWorld, type World } from "./integrations-harness";

type Journal = { entries: { tag: string }[] };

/** The journal of the released migrations: main's, or (without git) this tree's. */
function releasedJournal(): { journal: Journal; source: string } {
  const git = spawnSync("git", ["show", "main:db/migrations/meta/_journal.json"], { encoding: "utf8" });
  if (git.status === 0) return { journal: JSON.parse(git.stdout) as Journal, source: "main" };
  return {
    journal: JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal,
    source: "this tree (no git)",
  };
}

const slack = createSlackFake();
const work = mkdtempSync(path.join(tmpdir(), "cs-upgrade-"));
const previousDataDir = process.env.DATA_DIR;
let world: World;
let released: { journal: Journal; source: string };

beforeAll(async () => {
  await slack.start();
  // A database of its own on disk, migrated only as far as the released migrations go.
  await closeDb();
  process.env.DATA_DIR = path.join(work, "data");
  released = releasedJournal();
  const folder = path.join(work, "released");
  cpSync(migrationsFolder, folder, { recursive: true });
  writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify(released.journal));
  await migratePglite(handle().db as unknown as PgliteDatabase, { migrationsFolder: folder });
  world = await seedWorld();
});
afterAll(async () => {
  await slack.stop();
  await closeDb();
  process.env.DATA_DIR = previousDataDir;
  rmSync(work, { recursive: true, force: true });
});

async function readEverything() {
  const admin = world.tokens.admin;
  const issues = await call(issuesRoute.GET as never, {}, { token: admin });
  return {
    issues: issues.json,
    assets: (await call(assetsRoute.GET as never, {}, { token: admin })).json,
    teams: (await call(teamsRoute.GET as never, {}, { token: admin })).json,
    users: (await call(usersRoute.GET as never, {}, { token: admin })).json,
    slack: (await call(globalOne.GET as never, { provider: "slack" }, { token: admin })).json,
    deliveries: await rows(db, sql`select id, kind, status, payload from deliveries order by id`),
  };
}

describe("upgrading a populated database", () => {
  it("keeps every issue, asset, team, person, integration and delivery written before the upgrade", async () => {
    const admin = world.tokens.admin;
    expect(
      (
        await call(
          globalOne.PUT as never,
          { provider: "slack" },
          { token: admin, body: { webhookUrl: slack.addWebhook() } },
        )
      ).status,
    ).toBe(200);
    const finding = (i: number) => ({
      detectorId: "CLD001",
      detectorName: "Visible AWS Key",
      severity: "error",
      path: `src/f${i}.ts`,
      content: `key ${i}`,
      fingerprint: `up-${i}`,
    });
    const ingest = await call(
      ingestRoute.POST as never,
      {},
      {
        token: admin,
        method: "POST",
        body: { asset: { id: "github.com/acme/upgrade", kind: "code" }, findings: [1, 2, 3].map(finding) },
      },
    );
    expect(ingest.status).toBe(200);
    const listed = await call(issuesRoute.GET as never, {}, { token: admin });
    expect(listed.json.items).toHaveLength(3);
    expect(
      (
        await call(
          issueOne.PATCH as never,
          { id: listed.json.items[0].id },
          { token: world.tokens.member, method: "PATCH", body: { status: "ignored" } },
        )
      ).status,
    ).toBe(200);

    const before = await readEverything();
    await migrate();
    const applied = await rows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const all = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal;
    expect(applied[0].n).toBe(all.entries.length);
    const after = await readEverything();
    expect(after).toEqual(before);
    expect(after.issues.items.map((i: { status: string }) => i.status).sort()).toEqual(["ignored", "open", "open"]);
    console.log(
      `upgrade: ${released.journal.entries.length} released migrations (from ${released.source}) → ${all.entries.length} in this tree`,
    );
  });
});
