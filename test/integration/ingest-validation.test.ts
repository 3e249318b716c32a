import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/ingest/route";
import { db, rows } from "@/db/client";
import { users } from "@/db/schema";
import { bootstrap } from "@/lib/people/first-start";
import { createApiToken } from "@/lib/auth/tokens";
import { saveIntegration } from "@/lib/integrations/service";
import { loadPrincipal } from "@/lib/auth/principal";
import { createUser } from "@/lib/people/users";
import { expectDocumented } from "@/test/support/openapi";

let adminToken = "";
let memberToken = "";

beforeAll(async () => {
  process.env.ADMIN_EMAIL = "root@example.com";
  process.env.ADMIN_PASSWORD = "correct horse battery staple";
  await bootstrap({ seedDemo: false, log: () => {} });
  const [row] = await db.select().from(users).where(eq(users.email, "root@example.com"));
  adminToken = (await createApiToken(db, row.id, "scanner")).token;
  const admin = (await loadPrincipal(row.id))!;
  const member = await createUser(admin, { email: "ana@example.com", name: "Ana", password: "a long enough password" });
  memberToken = (await createApiToken(db, member.id, "ana")).token;
  await saveIntegration(admin, "events-webhook", null, { url: "http://127.0.0.1:9/events" });
});

async function post(body: string, token = adminToken) {
  const request = new Request("http://localhost/api/v1/ingest", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  });
  const response = await POST(request, { params: Promise.resolve({}) });
  await expectDocumented(POST, response.status, await response.clone().json());
  return response;
}

async function snapshot() {
  const [counts] = await rows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from assets) as assets, (select count(*)::int from issues) as issues,
               (select count(*)::int from deliveries) as deliveries, (select count(*)::int from ingests) as ingests`,
  );
  return counts;
}

const finding = (i: number) => ({
  detectorId: "CLD001",
  detectorName: "Visible AWS Key",
  severity: "error",
  path: `src/f${i}.ts`,
  content: `AKIA${i}`,
  uri: `https://example.com/f${i}`,
});
const scan = (findings: unknown[], extra: Record<string, unknown> = {}) => ({
  asset: { id: "github.com/acme/api", name: "api", kind: "code" },
  findings,
  ...extra,
});

describe("a bad ingest changes nothing", () => {
  it("accepts a good one, then rejects each bad one with the field and index named", async () => {
    expect((await post(JSON.stringify(scan([finding(1)])))).status).toBe(200);
    const before = await snapshot();

    const cases: [string, string, number, string?][] = [
      ["malformed JSON", '{"asset": {"id": "x"', 400],
      ["a missing asset id", JSON.stringify({ asset: { kind: "code" }, findings: [] }), 422, "asset.id"],
      [
        "a bad severity",
        JSON.stringify(scan([finding(1), { ...finding(2), severity: "critical" }])),
        422,
        "findings[1].severity",
      ],
      ["an unknown field", JSON.stringify(scan([{ ...finding(1), colour: "red" }])), 422, "findings[0].colour"],
      ["an unknown top-level field", JSON.stringify(scan([], { scanner: "x" })), 422, "scanner"],
      ["a wrong-typed files", JSON.stringify(scan([finding(1)], { files: "src/f1.ts" })), 422, "files"],
      ["a file that is not a string", JSON.stringify(scan([finding(1)], { files: ["a", 3] })), 422, "files[1]"],
    ];
    const many = Array.from({ length: 10_001 }, (_, i) => finding(i));
    many[7_777] = { ...many[7_777], severity: "urgent" };
    cases.push(["10,001 findings with one bad", JSON.stringify(scan(many)), 422, "findings[7777].severity"]);

    for (const [what, body, status, field] of cases) {
      const response = await post(body);
      expect(response.status, what).toBe(status);
      const answer = (await response.json()) as {
        error: { code: string; message: string; fields?: Record<string, string> };
      };
      expect(answer.error.code, what).toBe("validation_failed");
      if (field) expect(Object.keys(answer.error.fields ?? {}), what).toContain(field);
      expect(JSON.stringify(answer), what).not.toMatch(/at .*\.ts/);
    }
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it("an asset id and a fingerprint too long together for the issue index get 422 naming the fingerprint", async () => {
    // 500 varied CJK characters are 1,500 bytes that do not compress; two of them overflow a Postgres index entry.
    let seed = 7;
    const cjk = (n: number) =>
      Array.from({ length: n }, () =>
        String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 20000)),
      ).join("");
    const id = cjk(500);
    const fingerprint = cjk(500);
    const one = { ...finding(1), fingerprint };
    const before = await snapshot();
    const response = await post(JSON.stringify({ asset: { id, kind: "code" }, findings: [finding(2), one] }));
    expect(response.status).toBe(422);
    const answer = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(answer.error.fields)).toEqual(["findings[1].fingerprint"]);
    expect(await snapshot()).toEqual(before);
    // Each of them alone, beside a short other, fits.
    expect((await post(JSON.stringify({ asset: { id, kind: "code" }, findings: [finding(2)] }))).status).toBe(200);
    expect((await post(JSON.stringify(scan([one])))).status).toBe(200);
  });

  it("answers 413 to a body over 10 MiB", async () => {
    const before = await snapshot();
    const content = "x".repeat(1024 * 1024);
    const big = JSON.stringify(scan(Array.from({ length: 11 }, (_, i) => ({ ...finding(i), content }))));
    expect(big.length).toBeGreaterThan(11 * 1024 * 1024);
    const response = await post(big);
    expect(response.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it("only an administrator may ingest", async () => {
    const before = await snapshot();
    expect((await post(JSON.stringify(scan([finding(5)])), memberToken)).status).toBe(403);
    expect((await post(JSON.stringify(scan([finding(5)])), "cs_not-a-token")).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("takes 10,000 findings in one ingest", async () => {
    const findings = Array.from({ length: 10_000 }, (_, i) => finding(i));
    const response = await post(JSON.stringify({ asset: { id: "github.com/acme/big", kind: "code" }, findings }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ created: 10_000, updated: 0, resolved: 0, deleted: 0 });
    // Ids are combined into events of at most 1000.
    const [{ n }] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from deliveries where kind = 'issue_created'`,
    );
    expect(n).toBeLessThanOrEqual(11);
  }, 120_000);
});
