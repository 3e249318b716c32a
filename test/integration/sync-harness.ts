// Ticket sync suites (issue 16): the product's vendor receivers served over real HTTP, so the
// Jira and monday fakes can POST their webhooks (and monday its challenge) to the hookUrl the
// product hands out; APP_URL points at this server, as it would at the product's public address.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { POST as vendorHook } from "@/app/api/v1/hooks/[provider]/[integrationId]/route";
import { POST as mondayHook } from "@/app/api/v1/hooks/monday/[integrationId]/route";
import { db, rows } from "@/db/client";

type Hook = (request: Request, context: { params: Promise<{ integrationId: string }> }) => Promise<Response>;
const jiraHook: Hook = (request, { params }) =>
  vendorHook(request, { params: params.then((p) => ({ ...p, provider: "jira" })) });
const HOOKS: Record<string, Hook> = { jira: jiraHook, monday: mondayHook };

export type HookServer = { url: string; stop: () => Promise<void>; answered: { path: string; status: number }[] };

export async function startHookServer(): Promise<HookServer> {
  const answered: HookServer["answered"] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const match = /^\/api\/v1\/hooks\/(jira|monday)\/([^/]+)$/.exec(url.pathname);
      if (!match || req.method !== "POST") return void res.writeHead(404).end();
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: "POST",
        headers,
        body: Buffer.concat(chunks),
      });
      const response = await HOOKS[match[1]](request, { params: Promise.resolve({ integrationId: match[2] }) });
      answered.push({ path: url.pathname, status: response.status });
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.APP_URL = url;
  return { url, answered, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function issueStatus(id: string): Promise<string> {
  const [row] = await rows<{ status: string }>(db, sql`select status from issues where id = ${id}`);
  return row.status;
}

export async function syncDeliveries(key: string) {
  return rows<{ id: string; kind: string; status: string; body: string | null; payload: Record<string, unknown> }>(
    db,
    sql`select id, kind, status, body, payload from deliveries where kind in ('ticket_resolved', 'ticket_reopened') and payload->>'ticketKey' = ${key} order by id`,
  );
}

/** Make every reconciliation due now, as if SYNC_RECONCILE_MS had passed. */
export async function makeReconciliationDue() {
  await db.execute(sql`update sync_runs set next_run_at = now()`);
}
