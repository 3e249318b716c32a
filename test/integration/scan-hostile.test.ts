import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { startScan } from "@/lib/scanning/jobs";
import { setupAdmin, type Actor } from "@/test/support/api";
import { createScanIntegration, resetScanTables, runScansToEnd } from "./scan-harness";

/**
 * A hostile Jira site: whatever it is asked to list, it answers "there is more". `endless` says
 * which listing never ends; every other one answers like a one-project, one-ticket site.
 */
type Endless = "projects" | "count" | "tickets" | "comments";
let endless: Endless = "projects";
let requests = 0;
const site = http.createServer((req, res) => {
  requests++;
  const url = new URL(req.url ?? "/", "http://x");
  const n = requests;
  const json = (body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  const ticket = {
    key: "SEC-1",
    fields: {
      summary: "s",
      description: null,
      project: { key: "SEC" },
      comment: { comments: [], total: endless === "comments" ? 1e9 : 0 },
    },
  };
  req.resume();
  req.on("end", () => {
    if (url.pathname === "/rest/api/3/project/search") {
      return json(
        endless === "projects"
          ? { values: [{ key: `P${n}`, name: "p" }], isLast: false }
          : { values: [{ key: "SEC", name: "Security" }], isLast: true },
      );
    }
    if (url.pathname === "/rest/api/3/search/jql" && req.method === "GET") {
      return json(
        endless === "count" ? { issues: [{ id: String(n) }], nextPageToken: `count-${n}` } : { issues: [{ id: "1" }] },
      );
    }
    if (url.pathname === "/rest/api/3/search/jql")
      return json(endless === "tickets" ? { issues: [ticket], nextPageToken: `page-${n}` } : { issues: [ticket] });
    if (url.pathname.endsWith("/comment")) return json({ comments: [{ id: String(n), body: null }] });
    res.writeHead(404).end();
  });
});

let admin: Actor;
let integrationId: string;
beforeAll(async () => {
  admin = await setupAdmin();
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", () => resolve()));
  integrationId = await createScanIntegration("jira", `http://127.0.0.1:${(site.address() as AddressInfo).port}`);
});
afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

describe("a site that pages forever cannot keep the scan runner busy", () => {
  for (const [what, most, said] of [
    ["projects", 1001, "Jira's project list: more than 1000 pages"],
    ["count", 1002, "Jira's issue count of SEC: more than 1000 pages"],
    ["tickets", 20, "The pages of SEC: more than 12 pages for 1 items"],
    ["comments", 1010, "The comments of SEC-1: more than 1000 pages"],
  ] as const) {
    it(`an endless ${what} listing fails the scan, saying so, after a bounded number of requests`, async () => {
      await resetScanTables();
      endless = what;
      requests = 0;
      await startScan(admin.principal, "jira", null);
      await runScansToEnd(undefined, 60_000);
      const [job] = await rows<{ state: string; error: string }>(
        db,
        sql`select state, error from scan_jobs where integration_id = ${integrationId} and kind = 'full'`,
      );
      expect(job.state).toBe("failed");
      expect(job.error).toBe(`${said}; the scan stopped there`);
      expect(requests).toBeLessThanOrEqual(most);
    }, 90_000);
  }
});
