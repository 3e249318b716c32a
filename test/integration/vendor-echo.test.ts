// What a vendor answers reaches API answers as its own words (a Jira error, a monday error). A
// vendor that quotes the credential it got, or answers in a shape of its own, must cost neither a
// stored secret in the answer nor a 500.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as globalOne from "@/app/api/v1/integrations/[provider]/route";
import * as jiraRoute from "@/app/api/v1/issues/[id]/jira/route";
import * as mondayRoute from "@/app/api/v1/issues/[id]/monday/route";
import * as workspacesRoute from "@/app/api/v1/monday/workspaces/route";
import { db, rows } from "@/db/client";
import { ingestScan } from "@/lib/issues/ingest";
import { call } from "@/test/support/api";
import { call as callWith, seedWorld, type World } from "./integrations-harness";

const JIRA_TOKEN = "echoed-jira-token-0005";
const MONDAY_TOKEN = "echoed-monday-token-0006";
const BASIC = Buffer.from(`ann@example.com:${JIRA_TOKEN}`).toString("base64");

// Refuses everything, quoting the request's credential, in a body whose `errors` is not a list.
const vendor = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const text = `refused ${req.headers.authorization} at ${req.url}`;
    res
      .writeHead(400, { "content-type": "application/json" })
      .end(JSON.stringify({ errorMessages: [text], errors: { summary: text }, error_message: text }));
  });
});

let world: World;
let issueId: string;
let savedMondayUrl: string | undefined;

beforeAll(async () => {
  await new Promise<void>((resolve) => vendor.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
  savedMondayUrl = process.env.MONDAY_API_URL;
  process.env.MONDAY_API_URL = `${url}/v2`;
  world = await seedWorld();
  const admin = { token: world.tokens.admin };
  expect(
    (
      await callWith(
        globalOne.PUT,
        { provider: "jira" },
        { ...admin, body: { domainUrl: url, email: "ann@example.com", apiToken: JIRA_TOKEN } },
      )
    ).status,
  ).toBe(200);
  expect(
    (await callWith(globalOne.PUT, { provider: "monday" }, { ...admin, body: { apiToken: MONDAY_TOKEN } })).status,
  ).toBe(200);
  await ingestScan(world.admin, {
    asset: { id: "github.com/acme/echo", kind: "code" },
    findings: [{ detectorId: "GEN001", severity: "error", path: "a.ts", content: "x", uri: "" }],
  } as never);
  [{ id: issueId }] = await rows<{ id: string }>(db, sql`select id from issues`);
});
afterAll(async () => {
  process.env.MONDAY_API_URL = savedMondayUrl;
  await new Promise<void>((resolve) => vendor.close(() => resolve()));
});

describe("a vendor's error in an API answer", () => {
  it("never quotes the credential we sent, to a member or anyone, and is not a 500", async () => {
    const answers = [
      await call(jiraRoute.POST, {
        token: world.tokens.member,
        params: { id: issueId },
        body: { projectKey: "SEC", issueTypeId: "10001" },
      }),
      await call(mondayRoute.POST, { token: world.tokens.member, params: { id: issueId }, body: { boardId: "42" } }),
      await call(workspacesRoute.GET, {
        token: world.tokens.member,
        url: `http://localhost/api/v1/monday/workspaces?issueId=${issueId}`,
      }),
    ];
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(502);
      expect(answer.body.error.code).toBe("vendor_error");
      expect(answer.body.error.message).toMatch(/refused /);
      const text = JSON.stringify(answer.body);
      for (const secret of [JIRA_TOKEN, MONDAY_TOKEN, BASIC]) expect(text).not.toContain(secret);
    }
  });
});
