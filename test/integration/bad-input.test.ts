import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as assetRoute from "@/app/api/v1/assets/[id]/route";
import { POST as ingest } from "@/app/api/v1/ingest/route";
import { GET as listIssues } from "@/app/api/v1/issues/route";
import { POST as createTeam } from "@/app/api/v1/teams/route";
import { db, rows } from "@/db/client";
import { call, setupAdmin, type Actor } from "@/test/support/api";
import { capturedLogs } from "@/test/support/logs";

let admin: Actor;

const finding = (content: string, path = "src/a.ts") => ({
  detectorId: "GEN001",
  detectorName: "Generic secret",
  severity: "error",
  path,
  content,
  uri: "",
});
const scan = (id: string, findings: unknown[]) => ({ asset: { id, name: id, kind: "code" }, findings });
const counts = async () =>
  (
    await rows<Record<string, number>>(
      db,
      sql`select (select count(*)::int from assets) as assets, (select count(*)::int from issues) as issues, (select count(*)::int from teams) as teams`,
    )
  )[0];

beforeAll(async () => {
  admin = await setupAdmin();
  expect((await call(ingest, { token: admin.token, body: scan("a/b", [finding("token = slash")]) })).status).toBe(200);
  expect((await call(ingest, { token: admin.token, body: scan("a%2Fb", [finding("token = percent")]) })).status).toBe(
    200,
  );
  for (let i = 0; i < 3; i++)
    expect(
      (await call(ingest, { token: admin.token, body: scan(`repo-${i}`, [finding(`token = ${i}`)]) })).status,
    ).toBe(200);
});

describe("no input gets a 500: each bad one is a 4xx naming its field, and changes nothing", () => {
  it("a NUL character in a finding's content", async () => {
    const before = await counts();
    const { result, text } = await capturedLogs(() =>
      call(ingest, {
        token: admin.token,
        body: scan("nul/repo", [finding("ok"), finding("password = hunter2\u0000tail", "src/b.ts")]),
      }),
    );
    expect(result.status).toBe(422);
    expect(result.body.error.fields).toEqual({ "findings[1].content": "Contains a NUL character" });
    expect(text).not.toContain("hunter2");
    expect(await counts()).toEqual(before);
  });

  it("a lone UTF-16 surrogate, in a value and in a field name", async () => {
    const before = await counts();
    const lone = `{"asset": {"id": "x\\ud800y", "kind": "code"}, "findings": []}`;
    const answer = await call(ingest, { token: admin.token, rawBody: lone });
    expect(answer.status).toBe(422);
    expect(answer.body.error.fields).toEqual({ "asset.id": "Contains an unpaired UTF-16 surrogate" });
    const inKey = await call(createTeam, { token: admin.token, rawBody: `{"name": "Ops", "\\udc00": 1}` });
    expect(inKey.status).toBe(422);
    expect(Object.keys(inKey.body.error.fields)).toEqual(["body"]);
    expect(await counts()).toEqual(before);
  });

  it("a body that is not UTF-8", async () => {
    const request = new Request("http://localhost/api/v1/teams", {
      method: "POST",
      headers: { authorization: `Bearer ${admin.token}` },
      body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    });
    const response = await createTeam(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({ body: "Not UTF-8" });
  });

  it("a body nested thousands of levels deep, within the size limit", async () => {
    const before = await counts();
    const bodies: [typeof createTeam, string][] = [
      [createTeam, "[".repeat(30_000) + "]".repeat(30_000)],
      [createTeam, '{"name":'.repeat(7_000) + '"x"' + "}".repeat(7_000)],
      [
        ingest,
        `{"asset": {"id": "deep", "kind": "code"}, "findings": [], "files": ${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`,
      ],
    ];
    for (const [route, rawBody] of bodies) {
      const answer = await call(route, { token: admin.token, rawBody });
      expect(answer.status, rawBody.slice(0, 20)).toBe(400);
      expect(answer.body.error.fields).toEqual({ body: "Nested deeper than 64 levels" });
    }
    // Brackets inside a string are text, not nesting.
    const brackets = await call(createTeam, { token: admin.token, body: { name: `[{"\\${"[".repeat(70)}` } });
    expect(brackets.status).toBe(201);
    expect(await counts()).toEqual({ ...before, teams: before.teams + 1 });
  });

  it("a forged cursor, and a NUL in a query parameter", async () => {
    const page = await call(listIssues, { token: admin.token, url: "http://localhost/api/v1/issues?limit=2" });
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await call(listIssues, {
      token: admin.token,
      url: `http://localhost/api/v1/issues?limit=2&cursor=${page.body.nextCursor}`,
    });
    expect(next.status).toBe(200);
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const cursor of [
      forge({ t: "not a time", id: "00000000-0000-4000-8000-000000000000" }),
      forge({ t: "2026-02-30 10:00:00+00", id: "------------------------------------" }),
      forge({ s: "critical", t: "2026-01-01 00:00:00+00", id: "00000000-0000-4000-8000-000000000000" }),
      `${forge({ t: "2026-01-01 00:00:00+00", id: "00000000-0000-4000-8000-000000000000" })}.AAAAAAAAAAAAAAAAAAAAAA`,
      "%%%",
    ]) {
      const answer = await call(listIssues, {
        token: admin.token,
        url: `http://localhost/api/v1/issues?cursor=${encodeURIComponent(cursor)}`,
      });
      expect(answer.status, cursor).toBe(400);
      expect(answer.body.error.fields, cursor).toEqual({ cursor: "Invalid cursor" });
    }
    const nul = await call(listIssues, { token: admin.token, url: "http://localhost/api/v1/issues?assetId=a%00b" });
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields).toEqual({ assetId: "Contains a NUL character" });
  });

  it("an asset id with a percent sign: the path is decoded once, so a%2Fb and a/b stay apart", async () => {
    // Next.js decodes the path once: /assets/a%252Fb arrives as a%2Fb, /assets/a%2Fb as a/b, /assets/%25 as %.
    const percent = await call(assetRoute.GET, { token: admin.token, params: { id: "a%2Fb" } });
    expect(percent.status).toBe(200);
    expect(percent.body.id).toBe("a%2Fb");
    const slash = await call(assetRoute.GET, { token: admin.token, params: { id: "a/b" } });
    expect(slash.body.id).toBe("a/b");
    for (const id of ["%", "100%", "%E0%A4%A"]) {
      const answer = await call(assetRoute.GET, { token: admin.token, params: { id } });
      expect(answer.status, id).toBe(404);
    }
    expect((await call(assetRoute.GET, { token: admin.token, params: { id: "a\u0000b" } })).status).toBe(404);
  });
});
