// A vendor webhook reaching the product: let in only with the integration's own token or a
// signature of the body made with it, and then queued for a scan. Anything refused changes nothing.
import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db, rows } from "@/db/client";
import { integrations, scanSettings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { receiveHook } from "@/lib/scanning/hooks";
import { loadScanSettings } from "@/lib/scanning/settings";
import { createScanIntegration } from "./scan-harness";

let jiraId: string;
let token: string;
beforeEach(async () => {
  await db.execute(sql`delete from scan_jobs`);
  await db.execute(sql`delete from scan_settings`);
  await db.execute(sql`delete from integrations`);
  jiraId = await createScanIntegration("jira", "https://acme.atlassian.net");
  token = (await loadScanSettings(jiraId)).webhookToken;
});

const EVENT = JSON.stringify({ webhookEvent: "jira:issue_updated", issue: { key: "SEC-12" } });
const sign = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
const post = (id: string, body: string, query = "", headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/v1/hooks/jira/${id}${query}`, { method: "POST", body, headers });
const jobs = () => rows<{ target: string; kind: string }>(db, sql`select target, kind from scan_jobs`);

/** The answer, or the status and message of the refusal. */
async function answer(run: () => Promise<unknown>) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.status} ${error.message}`;
  }
}
const REFUSED = "401 The webhook is unknown, or its token or signature does not match";

describe("a Jira webhook", () => {
  it("with the token in its URL queues a scan of the ticket it is about", async () => {
    expect(await receiveHook("jira", jiraId, post(jiraId, EVENT, `?token=${token}`))).toEqual({
      queued: true,
      synced: false,
    });
    expect(await jobs()).toEqual([{ target: "SEC-12", kind: "item" }]);
  });

  it("signed with the secret queues the scan; a wrong signature or token is refused and queues nothing", async () => {
    const signed = post(jiraId, EVENT, "", { "x-hub-signature": sign(token, EVENT) });
    expect(await receiveHook("jira", jiraId, signed)).toMatchObject({ queued: true });
    await db.execute(sql`delete from scan_jobs`);
    const forged = post(jiraId, EVENT, `?token=${token}`, { "x-hub-signature": sign("guess", EVENT) });
    expect(await answer(() => receiveHook("jira", jiraId, forged))).toBe(REFUSED);
    expect(await answer(() => receiveHook("jira", jiraId, post(jiraId, EVENT, `?token=${token}x`)))).toBe(REFUSED);
    expect(await answer(() => receiveHook("jira", jiraId, post(jiraId, EVENT)))).toBe(REFUSED);
    expect(await jobs()).toEqual([]);
  });

  it("is refused alike for an unknown integration, a malformed id, or another provider's integration", async () => {
    const confluenceId = await createScanIntegration("confluence", "https://acme.atlassian.net");
    const other = (await loadScanSettings(confluenceId)).webhookToken;
    expect(await answer(() => receiveHook("jira", "nope", post("nope", EVENT, `?token=${token}`)))).toBe(REFUSED);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await answer(() => receiveHook("jira", unknown, post(unknown, EVENT, `?token=${token}`)))).toBe(REFUSED);
    expect(await answer(() => receiveHook("jira", confluenceId, post(confluenceId, EVENT, `?token=${other}`)))).toBe(
      REFUSED,
    );
    expect(await answer(() => receiveHook("slack" as "jira", jiraId, post(jiraId, EVENT)))).toBe(
      '404 Webhooks for "slack" not found',
    );
    expect(await jobs()).toEqual([]);
  });

  it("sent to a provider the product does not know is not found", async () => {
    expect(await answer(() => receiveHook("gitlab" as "jira", jiraId, post(jiraId, EVENT)))).toBe(
      '404 Webhooks for "gitlab" not found',
    );
  });

  it("is refused, and issues no token, when nobody ever opened the scan settings", async () => {
    await db.delete(scanSettings).where(eq(scanSettings.integrationId, jiraId));
    const fresh = jiraId;
    expect(await answer(() => receiveHook("jira", fresh, post(fresh, EVENT, "?token=")))).toBe(REFUSED);
    expect(await rows(db, sql`select 1 from scan_settings where integration_id = ${fresh}`)).toEqual([]);
  });

  it("signed, for an integration never issued a token, is refused before its body is read", async () => {
    await db.delete(scanSettings).where(eq(scanSettings.integrationId, jiraId));
    const signed = post(jiraId, EVENT, "", { "x-hub-signature": sign("", EVENT) });
    expect(await answer(() => receiveHook("jira", jiraId, signed))).toBe(REFUSED);
    expect(signed.bodyUsed).toBe(false);
  });

  it("that is not JSON, or names no ticket, queues nothing", async () => {
    expect(await receiveHook("jira", jiraId, post(jiraId, "not json", `?token=${token}`))).toEqual({ queued: false });
    const about = JSON.stringify({ webhookEvent: "jira:issue_updated", issue: { key: "not a key" } });
    expect(await receiveHook("jira", jiraId, post(jiraId, about, `?token=${token}`))).toMatchObject({
      queued: false,
    });
    expect(await jobs()).toEqual([]);
  });

  it("for a disabled integration is accepted but queues nothing", async () => {
    await db.update(integrations).set({ enabled: false }).where(eq(integrations.id, jiraId));
    expect(await receiveHook("jira", jiraId, post(jiraId, EVENT, `?token=${token}`))).toEqual({ queued: false });
    expect(await jobs()).toEqual([]);
  });

  it("too large to verify its signature is refused like a wrong one; unsigned, it is too large", async () => {
    const huge = JSON.stringify({ issue: { key: "SEC-1" }, pad: "x".repeat(1024 * 1024) });
    const signed = post(jiraId, huge, "", { "x-hub-signature": sign(token, huge) });
    expect(await answer(() => receiveHook("jira", jiraId, signed))).toBe(REFUSED);
    expect(await answer(() => receiveHook("jira", jiraId, post(jiraId, huge, `?token=${token}`)))).toMatch(/^413 /);
  });
});

describe("a Confluence webhook", () => {
  it("with its token queues a scan of the page, and says nothing of ticket sync", async () => {
    const confluenceId = await createScanIntegration("confluence", "https://acme.atlassian.net");
    const own = (await loadScanSettings(confluenceId)).webhookToken;
    const page = JSON.stringify({ page: { id: 4242 } });
    expect(await receiveHook("confluence", confluenceId, post(confluenceId, page, `?token=${own}`))).toEqual({
      queued: true,
    });
    expect(await jobs()).toEqual([{ target: "4242", kind: "item" }]);
  });
});
