import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as ingestRoute } from "@/app/api/v1/ingest/route";
import { POST as createJira } from "@/app/api/v1/issues/[id]/jira/route";
import { GET as getIssueRoute } from "@/app/api/v1/issues/[id]/route";
import { GET as listIssuesRoute } from "@/app/api/v1/issues/route";
import { db, rows } from "@/db/client";
import { saveIntegration } from "@/lib/integrations/service";
import { remaskOutdatedAssets } from "@/lib/issues/masking";
import { crcToken, Gen } from "@/test/corpus/gen";
import { adfPlainText, createJiraFake } from "@/test/fakes";
import { call, setupAdmin, type Actor } from "@/test/support/api";

const jira = createJiraFake();
let admin: Actor;
const g = new Gen(4242);
const awsId = () => `AKIA${g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`;
const awsSecret = () =>
  `${g.chars("abcdefghijklmnopqrstuvwxyz", 10)}${g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10)}${g.chars("0123456789", 10)}${g.chars("abcdef+/GHIJ", 10)}`;

beforeAll(async () => {
  admin = await setupAdmin();
  await jira.start();
  jira.addUser({ email: "sec@example.com", apiToken: "jira-token" });
  jira.addProject({ key: "SEC", name: "Security", issueTypes: [{ id: "10001", name: "Task" }] });
  await saveIntegration(admin.principal, "jira", null, {
    domainUrl: jira.url,
    email: "sec@example.com",
    apiToken: "jira-token",
  });
});
afterAll(async () => {
  expect(jira.violations).toEqual([]);
  await jira.stop();
});

const ingest = (body: unknown) => call(ingestRoute, { token: admin.token, body });
/** Neither secret in full; at most 4 characters of each end of each. */
function expectMasked(text: string, secrets: string[]) {
  for (const s of secrets) {
    expect(text).not.toContain(s);
    expect(text).not.toContain(s.slice(0, 5));
    expect(text).not.toContain(s.slice(-5));
  }
}

describe("finding contents are masked before they are stored", () => {
  it("no excerpt from a text with two secrets shows either in full: not through the REST API, not in a Jira ticket", async () => {
    const id = awsId();
    const secret = awsSecret();
    const token = crcToken(g, "ghp_");
    const content = `aws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n# and the CI token ${token}`;
    const answer = await ingest({
      asset: { id: "github.com/acme/two-secrets", name: "two-secrets", kind: "code" },
      findings: [
        {
          detectorId: "CLD001",
          detectorName: "Visible AWS Key",
          severity: "error",
          path: "config/aws.ini",
          content,
          uri: "https://github.com/acme/two-secrets/blob/main/config/aws.ini#L1",
        },
      ],
    });
    expect(answer.status).toBe(200);
    const list = await call(listIssuesRoute, {
      token: admin.token,
      url: "http://localhost/api/v1/issues?assetId=github.com%2Facme%2Ftwo-secrets",
    });
    const [item] = list.body.items;
    expectMasked(JSON.stringify(list.body), [id, secret, token]);
    const issue = await call(getIssueRoute, { token: admin.token, params: { id: item.id } });
    expectMasked(issue.body.content, [id, secret, token]);
    // The mask keeps the line readable: what it was, and at most 4 characters of each end.
    expect(issue.body.content).toContain(`aws_access_key_id = ${id.slice(0, 4)}`);
    expect(issue.body.content).toContain(`${secret.slice(-4)}\n`);

    const ticket = await call(createJira, {
      token: admin.token,
      body: { projectKey: "SEC", issueTypeId: "10001" },
      params: { id: item.id },
    });
    expect(ticket.status).toBe(200);
    const description = adfPlainText(jira.issue(ticket.body.key)!.fields.description);
    expect(description).toContain("aws_access_key_id");
    expectMasked(description, [id, secret, token]);
    expectMasked(JSON.stringify(jira.issue(ticket.body.key)!.fields), [id, secret, token]);
  });

  it("masks the same way every time, so re-ingesting a finding with no fingerprint matches its issue", async () => {
    const content = `DATABASE_URL=postgres://app:${g.alnum(20)}@db.internal/orders`;
    const body = {
      asset: { id: "github.com/acme/repeat", kind: "code" },
      files: ["app.env"],
      findings: [{ detectorId: "X1", severity: "warning", path: "app.env", content }],
    };
    expect((await ingest(body)).body).toMatchObject({ created: 1 });
    const again = await ingest({
      ...body,
      findings: [...body.findings, { detectorId: "X2", severity: "info", path: "app.env", content: "nothing secret" }],
    });
    expect(again.body).toMatchObject({ created: 1, updated: 0, resolved: 0 });
  });

  it("issues stored before masking are masked at start and by their asset's next ingest, and keep matching their findings", async () => {
    const raw = (n: number) => `password = "${g.password()}${n}" # ${awsId()}`;
    const contents = [raw(1), raw(2)];
    // Two assets as an earlier release stored them: contents in clear, identities on the clear text.
    for (const [i, assetId] of ["github.com/acme/old-a", "github.com/acme/old-b"].entries()) {
      await db.execute(sql`insert into assets (id, name, kind) values (${assetId}, ${assetId}, 'code')`);
      const identity = `h:${createHash("sha256").update(`GEN001\0.env\0${contents[i]}`).digest("base64url")}`;
      await db.execute(sql`insert into issues (asset_id, identity, kind, detector_id, detector_name, severity, path, content)
        values (${assetId}, ${identity}, 'code', 'GEN001', 'Hard-coded password or secret', 'warning', '.env', ${contents[i]})`);
    }
    const before = await rows<{ id: string; assetId: string }>(
      db,
      sql`select id, asset_id as "assetId" from issues where asset_id like 'github.com/acme/old-%' order by asset_id`,
    );

    // The startup backfill masks every outdated asset…
    expect(await remaskOutdatedAssets()).toBe(2);
    const stored = await rows<{ content: string }>(
      db,
      sql`select content from issues where asset_id like 'github.com/acme/old-%'`,
    );
    for (const s of stored) expect(s.content).toMatch(/^password = "\w{1,4}\*+.{0,4}" # AKIA\*+\w{4}$/);
    expect(await remaskOutdatedAssets()).toBe(0);

    // …and the scanner sending the same findings again finds the same issues, nothing new.
    for (const [i, assetId] of ["github.com/acme/old-a", "github.com/acme/old-b"].entries()) {
      const answer = await ingest({
        asset: { id: assetId, kind: "code" },
        findings: [{ detectorId: "GEN001", severity: "warning", path: ".env", content: contents[i] }],
      });
      expect(answer.body).toMatchObject({ created: 0, updated: 0, resolved: 0 });
    }
    const after = await rows<{ id: string; status: string }>(
      db,
      sql`select id, status from issues where asset_id like 'github.com/acme/old-%' order by asset_id`,
    );
    expect(after).toEqual(before.map((b) => ({ id: b.id, status: "open" })));
  });

  it("an ingest masks its asset's old issues itself when the backfill has not reached them", async () => {
    const content = `token: ${crcToken(g, "ghp_")}`;
    await db.execute(sql`insert into assets (id, name, kind) values ('github.com/acme/old-c', 'old-c', 'code')`);
    const identity = `h:${createHash("sha256").update(`GH001\0ci.yml\0${content}`).digest("base64url")}`;
    await db.execute(sql`insert into issues (asset_id, identity, kind, detector_id, detector_name, severity, path, content)
      values ('github.com/acme/old-c', ${identity}, 'code', 'GH001', 'GitHub personal access token', 'error', 'ci.yml', ${content})`);
    const answer = await ingest({
      asset: { id: "github.com/acme/old-c", kind: "code" },
      findings: [{ detectorId: "GH001", severity: "error", path: "ci.yml", content }],
    });
    expect(answer.body).toMatchObject({ created: 0, updated: 0 });
    const [row] = await rows<{ content: string }>(
      db,
      sql`select content from issues where asset_id = 'github.com/acme/old-c'`,
    );
    expect(row.content).toMatch(/^token: ghp_\*+\w{4}$/);
  });
});
