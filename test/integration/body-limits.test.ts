import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as hookRoute } from "@/app/api/v1/hooks/[provider]/[integrationId]/route";
import { POST as mondayHookRoute } from "@/app/api/v1/hooks/monday/[integrationId]/route";
import { POST as ingest } from "@/app/api/v1/ingest/route";
import * as globalOne from "@/app/api/v1/integrations/[provider]/route";
import * as globalTest from "@/app/api/v1/integrations/[provider]/test/route";
import * as teamTest from "@/app/api/v1/teams/[teamId]/integrations/[provider]/test/route";
import { db } from "@/db/client";
import { integrations, scanJobs } from "@/db/schema";
import { saveIntegration } from "@/lib/integrations/service";
import { loadScanSettings } from "@/lib/scanning/settings";
import { streamingRequest } from "@/test/support/streams";
import { seedWorld, type World } from "./integrations-harness";
import { createScanIntegration } from "./scan-harness";

const MiB = 1024 * 1024;
let world: World;
let hookId: string;
let hookToken: string;

beforeAll(async () => {
  world = await seedWorld();
  hookId = await createScanIntegration("jira", "http://127.0.0.1:9");
  hookToken = (await loadScanSettings(hookId)).webhookToken;
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe("authorization comes before the body, and a body is read only up to the route's limit", () => {
  it("a member streaming 300 MB to a Test gets 403, and the server reads none of it", async () => {
    const { request, pulled } = streamingRequest("http://localhost/api/v1/integrations/slack/test", {
      headers: bearer(world.tokens.member),
      totalBytes: 300 * MiB,
    });
    const response = await globalTest.POST(request, params({ provider: "slack" }));
    expect(response.status).toBe(403);
    expect(pulled.bytes).toBe(0);
  });

  it("a lead streaming to another team's Test gets 403 unread; anonymous gets 401 unread", async () => {
    const other = streamingRequest("http://localhost/x", { headers: bearer(world.tokens.lead), totalBytes: 300 * MiB });
    expect((await teamTest.POST(other.request, params({ provider: "slack", teamId: world.otherTeamId }))).status).toBe(
      403,
    );
    expect(other.pulled.bytes).toBe(0);
    const anonymous = streamingRequest("http://localhost/x", { totalBytes: 300 * MiB });
    expect((await ingest(anonymous.request, params({}))).status).toBe(401);
    expect(anonymous.pulled.bytes).toBe(0);
  });

  it("an administrator's chunked body over 64 KiB gets 413 and the server stops reading at the limit", async () => {
    const { request, pulled } = streamingRequest("http://localhost/x", {
      method: "PUT",
      headers: bearer(world.tokens.admin),
      totalBytes: 300 * MiB,
      chunkBytes: 16 * 1024,
    });
    const response = await globalOne.PUT(request, params({ provider: "slack" }));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).message).toContain("64 KiB");
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024 + 2 * 16 * 1024);
    expect((await db.select({ provider: integrations.provider }).from(integrations)).map((r) => r.provider)).toEqual([
      "jira",
    ]);
  });

  it("ingest reads up to 10 MiB, chunked, and no further", async () => {
    const { request, pulled } = streamingRequest("http://localhost/x", {
      headers: bearer(world.tokens.admin),
      totalBytes: 300 * MiB,
    });
    const response = await ingest(request, params({}));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).message).toContain("10 MiB");
    expect(pulled.bytes).toBeLessThanOrEqual(12 * MiB);
  });
});

describe("vendor hooks: the same 401 for an unknown hook and a wrong secret, checked before the body", () => {
  const hookUrl = (id: string, token?: string) =>
    `http://localhost/api/v1/hooks/jira/${id}${token ? `?token=${token}` : ""}`;

  it("an anonymous 400 MB post gets 401 without being read, whether the hook exists or not", async () => {
    const answers: unknown[] = [];
    for (const [id, token] of [
      [hookId, undefined],
      [hookId, "wrong-token"],
      ["00000000-0000-4000-8000-000000000000", hookToken],
      ["not-a-uuid", undefined],
    ] as const) {
      const { request, pulled } = streamingRequest(hookUrl(id, token), { totalBytes: 400 * MiB });
      const response = await hookRoute(request, params({ provider: "jira", integrationId: id }));
      expect(response.status, id).toBe(401);
      expect(pulled.bytes, id).toBe(0);
      answers.push(await response.json());
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
  });

  it("a signed post is read up to 1 MiB: over that it cannot be verified and gets the same 401", async () => {
    const { request, pulled } = streamingRequest(hookUrl(hookId), {
      headers: { "x-hub-signature": "sha256=00" },
      totalBytes: 400 * MiB,
      chunkBytes: 64 * 1024,
    });
    const response = await hookRoute(request, params({ provider: "jira", integrationId: hookId }));
    expect(response.status).toBe(401);
    expect(pulled.bytes).toBeLessThanOrEqual(MiB + 2 * 64 * 1024);
  });

  it("with the right token, a body over 1 MiB gets 413 and reading stops; a small event is queued", async () => {
    const big = streamingRequest(hookUrl(hookId, hookToken), { totalBytes: 400 * MiB, chunkBytes: 64 * 1024 });
    expect((await hookRoute(big.request, params({ provider: "jira", integrationId: hookId }))).status).toBe(413);
    expect(big.pulled.bytes).toBeLessThanOrEqual(MiB + 2 * 64 * 1024);

    const event = JSON.stringify({ webhookEvent: "jira:issue_updated", issue: { key: "SEC-1" } });
    const signature = `sha256=${createHmac("sha256", hookToken).update(event).digest("hex")}`;
    const signed = await hookRoute(
      new Request(hookUrl(hookId), { method: "POST", headers: { "x-hub-signature": signature }, body: event }),
      params({ provider: "jira", integrationId: hookId }),
    );
    expect(signed.status).toBe(202);
    expect(await db.select({ target: scanJobs.target }).from(scanJobs)).toEqual([{ target: "SEC-1" }]);
  });
});

describe("monday's hook: its token before the body, and at most 1 MiB of body", () => {
  const mondayHookUrl = (id: string, token?: string) =>
    `http://localhost/api/v1/hooks/monday/${id}${token ? `?token=${token}` : ""}`;

  it("401 unread without the token, 413 past 1 MiB with it, and the challenge echoed", async () => {
    const mondayId = (await saveIntegration(world.admin, "monday", null, { apiToken: "monday-token-limits" })).id!;
    const token = (await loadScanSettings(mondayId)).webhookToken;
    for (const [id, given] of [
      [mondayId, undefined],
      [mondayId, "wrong-token"],
      ["00000000-0000-4000-8000-000000000000", token],
      ["not-a-uuid", token],
    ] as const) {
      const { request, pulled } = streamingRequest(mondayHookUrl(id, given), { totalBytes: 400 * MiB });
      const response = await mondayHookRoute(request, params({ integrationId: id }));
      expect(response.status, `${id} ${given}`).toBe(401);
      expect((await errorOf(response)).code).toBe("unauthorized");
      expect(pulled.bytes, id).toBe(0);
    }
    const big = streamingRequest(mondayHookUrl(mondayId, token), { totalBytes: 400 * MiB, chunkBytes: 64 * 1024 });
    const tooLarge = await mondayHookRoute(big.request, params({ integrationId: mondayId }));
    expect(tooLarge.status).toBe(413);
    expect((await errorOf(tooLarge)).code).toBe("payload_too_large");
    expect(big.pulled.bytes).toBeLessThanOrEqual(MiB + 2 * 64 * 1024);

    const challenge = await mondayHookRoute(
      new Request(mondayHookUrl(mondayId, token), { method: "POST", body: JSON.stringify({ challenge: "c-123" }) }),
      params({ integrationId: mondayId }),
    );
    expect(challenge.status).toBe(200);
    expect(await challenge.json()).toEqual({ challenge: "c-123" });
  });
});
