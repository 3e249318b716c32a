// Shared setup for the scanning suites: fakes seeded with planted secrets and look-alikes, a Jira or
// Confluence integration pointing at them, and helpers to run the scan runner to completion.
import { sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { integrations } from "@/db/schema";
import { encryptSecrets } from "@/lib/crypto/secrets";
import { ScanRunner } from "@/lib/scanning/runner";
import type { ConfluenceFake, JiraFake } from "@/test/fakes";
import { SecretMaker, type Planted } from "./scan-corpus";

export type Expected = Planted & { unit: string; path: string };
export const EMAIL = "scanner@acme.test";
export const API_TOKEN = "atlassian-api-token-for-tests";

/** Tickets across projects; a third carry a secret in the description, a fifth one in a comment; all carry look-alikes. */
export function seedJira(fake: JiraFake, projects: string[], perProject: number, seed = 21): Expected[] {
  const maker = new SecretMaker(seed);
  const kinds = Object.values(maker.kinds());
  const lookAlikes = maker.lookAlikes();
  const expected: Expected[] = [];
  let n = 0;
  fake.addUser({ email: EMAIL, apiToken: API_TOKEN });
  for (const key of projects) {
    fake.addProject({ key, name: `${key} project` });
    for (let i = 0; i < perProject; i++) {
      const desc = i % 3 === 0 ? kinds[n++ % kinds.length]() : undefined;
      const comment = i % 5 === 0 ? kinds[n++ % kinds.length]() : undefined;
      const noise = lookAlikes[(i + key.length) % lookAlikes.length];
      const issue = fake.addIssue({
        projectKey: key,
        summary: `Ticket ${i} of ${key}`,
        description: `Steps to reproduce.\n${noise}\n${desc?.text ?? "Nothing secret here."}`,
        comments: [`Looked at it. ${lookAlikes[(i + 3) % lookAlikes.length]}`, comment?.text ?? "ok"],
      });
      if (desc) expected.push({ ...desc, unit: key, path: issue.key });
      if (comment) expected.push({ ...comment, unit: key, path: `${issue.key}#comment-${issue.comments[1].id}` });
    }
  }
  return expected;
}

/** Pages across spaces; every other page carries a secret (in a code macro for some), all carry look-alikes. */
export function seedConfluence(fake: ConfluenceFake, spaces: string[], perSpace: number, seed = 31): Expected[] {
  const maker = new SecretMaker(seed);
  const kinds = Object.values(maker.kinds());
  const lookAlikes = maker.lookAlikes();
  const expected: Expected[] = [];
  let n = 0;
  fake.addUser({ email: EMAIL, apiToken: API_TOKEN });
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  for (const key of spaces) {
    fake.addSpace({ key });
    for (let i = 0; i < perSpace; i++) {
      const planted = i % 2 === 0 ? kinds[n++ % kinds.length]() : undefined;
      const secretHtml = !planted
        ? "<p>Nothing secret here.</p>"
        : i % 4 === 0
          ? `<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[${planted.text}]]></ac:plain-text-body></ac:structured-macro>`
          : `<p>${esc(planted.text).replace(/\n/g, "<br/>")}</p>`;
      const page = fake.addPage({
        space: key,
        title: `Runbook ${i}`,
        body: `<h1>Runbook</h1><p>${esc(lookAlikes[i % lookAlikes.length])}</p>${secretHtml}`,
      });
      if (planted) expected.push({ ...planted, unit: key, path: `pages/${page.id}` });
    }
  }
  return expected;
}

export async function createScanIntegration(
  provider: "jira" | "confluence",
  domainUrl: string,
  teamId: string | null = null,
) {
  const [row] = await db
    .insert(integrations)
    .values({
      provider,
      teamId,
      settings: { domainUrl, email: EMAIL },
      secrets: encryptSecrets({ apiToken: API_TOKEN }),
    })
    .returning();
  return row.id;
}

/**
 * Run steps until no job is active, as the background runner would. When none is due it sleeps until
 * the soonest becomes due (a Retry-After pause, a lapsed lease), not for a fixed poll interval.
 */
export async function runScansToEnd(
  runner = new ScanRunner({ log: process.env.SCAN_DEBUG ? console.log : () => {} }),
  timeoutMs = 25_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await runner.runOnce()) continue;
    const [{ n, dueInMs }] = await rows<{ n: number; dueInMs: number | null }>(
      db,
      sql`select count(*)::int as n,
                 ceil(extract(epoch from min(greatest(next_run_at, coalesce(lease_until, next_run_at))) - now()) * 1000)::int as "dueInMs"
          from scan_jobs where state in ('queued', 'running')`,
    );
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, Math.min(Math.max(dueInMs ?? 0, 0) + 5, deadline - Date.now(), 1000)));
  }
  throw new Error("scan jobs still pending");
}

export type IssueRow = {
  assetId: string;
  detectorId: string;
  path: string;
  content: string;
  status: string;
  deleted: boolean;
};
export async function issuesOf(prefix: string): Promise<IssueRow[]> {
  return rows<IssueRow>(
    db,
    sql`select asset_id as "assetId", detector_id as "detectorId", path, content, status::text, deleted_at is not null as deleted
                                from issues where asset_id like ${prefix + "%"} order by path`,
  );
}

export async function resetScanTables(): Promise<void> {
  await db.execute(sql`delete from scan_jobs`);
  await db.execute(sql`delete from issues`);
  await db.execute(sql`delete from ingests`);
  await db.execute(sql`delete from assets`);
}

/** Recall and precision per detector: planted (detector, path) pairs against reported ones. */
export function scoreByKind(expected: Expected[], found: IssueRow[]) {
  const want = new Set(expected.map((e) => `${e.detectorId} ${e.path}`));
  const got = new Set(found.filter((f) => f.status === "open").map((f) => `${f.detectorId} ${f.path}`));
  const ids = [...new Set([...expected.map((e) => e.detectorId), ...found.map((f) => f.detectorId)])].sort();
  return Object.fromEntries(
    ids.map((id) => {
      const w = [...want].filter((k) => k.startsWith(`${id} `));
      const g = [...got].filter((k) => k.startsWith(`${id} `));
      const hit = g.filter((k) => want.has(k)).length;
      return [
        id,
        {
          planted: w.length,
          reported: g.length,
          recall: w.length ? hit / w.length : 1,
          precision: g.length ? hit / g.length : 1,
        },
      ];
    }),
  );
}
