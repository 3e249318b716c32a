import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as ingest } from "@/app/api/v1/ingest/route";
import { db } from "@/db/client";
import { call, setupAdmin, type Actor } from "@/test/support/api";
import { capturedLogs } from "@/test/support/logs";

let admin: Actor;
const SECRET = "ghp_R2d2C3poLukeLeiaHanChewie0123456789";

beforeAll(async () => {
  admin = await setupAdmin();
  // Any issue insert now fails inside the database, as an unexpected error would.
  await db.execute(sql`alter table issues add constraint issues_uri_refused check (uri = 'refused')`);
});
afterAll(async () => {
  await db.execute(sql`alter table issues drop constraint issues_uri_refused`);
});

describe("logs name what failed, never the values of a request", () => {
  it("a database error during an ingest logs its SQLSTATE and constraint, not the finding it failed on", async () => {
    const body = {
      asset: { id: "github.com/acme/logs", name: "logs", kind: "code" },
      findings: [
        {
          detectorId: "GIT001",
          detectorName: "GitHub token",
          severity: "error",
          path: "ci.yml",
          content: `token: ${SECRET}`,
          uri: `https://example.com/ci.yml?token=${SECRET}`,
        },
      ],
    };
    const { result, text, lines } = await capturedLogs(() => call(ingest, { token: admin.token, body }));
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain(SECRET);
    expect(text).toContain("23514");
    expect(text).toContain("issues_uri_refused");
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/params|insert into/i);
    // One structured line for the one failure.
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 50,
      msg: "api: unexpected error",
      err: { name: "DatabaseQueryError", code: "23514" },
    });
  });
});
