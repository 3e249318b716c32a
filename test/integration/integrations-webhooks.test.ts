import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as globalOne from "@/app/api/v1/integrations/[provider]/route";
import * as globalTest from "@/app/api/v1/integrations/[provider]/test/route";
import * as teamOne from "@/app/api/v1/teams/[teamId]/integrations/[provider]/route";
import { NODE_SNIPPET, PYTHON_SNIPPET } from "@/lib/integrations/signature-snippets";
import { call, seedWorld, type World } from "./integrations-harness";

type Received = { headers: http.IncomingHttpHeaders; raw: Buffer };
const received: Received[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req
    .on("data", (c: Buffer) => chunks.push(c))
    .on("end", () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(200).end("ok");
    });
});
let url = "";
let world: World;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  world = await seedWorld();
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const token = () => world.tokens.admin;

describe("webhook signing tokens", () => {
  it("are generated on first save, answered to administrators, and never change until deleted", async () => {
    const first = await call(globalOne.PUT, { provider: "custom-webhook" }, { token: token(), body: { url } });
    expect(first.status).toBe(200);
    expect(first.json.token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(first.json.url).toMatch(/^••••/);
    const again = await call(
      globalOne.PUT,
      { provider: "custom-webhook" },
      { token: token(), body: { url, minSeverity: "warning" } },
    );
    expect(again.json.token).toBe(first.json.token);
    const refused = await call(
      globalOne.PUT,
      { provider: "custom-webhook" },
      { token: token(), body: { url, token: "my-own-token" } },
    );
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields).toHaveProperty("token");
    expect((await call(globalOne.DELETE, { provider: "custom-webhook" }, { token: token() })).status).toBe(204);
    const recreated = await call(globalOne.PUT, { provider: "custom-webhook" }, { token: token(), body: { url } });
    expect(recreated.json.token).not.toBe(first.json.token);
  });

  it("a team's Events Webhook has its own token, which its lead sees to verify signatures", async () => {
    const asLead = await call(
      teamOne.PUT,
      { provider: "events-webhook", teamId: world.teamId },
      { token: world.tokens.lead, body: { url } },
    );
    expect(asLead.status).toBe(200);
    expect(asLead.json.token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    const asAdmin = await call(teamOne.GET, { provider: "events-webhook", teamId: world.teamId }, { token: token() });
    expect(asAdmin.json.token).toBe(asLead.json.token);
    const global = await call(globalOne.PUT, { provider: "events-webhook" }, { token: token(), body: { url } });
    expect(global.json.token).not.toBe(asLead.json.token);
  });
});

describe("the verify-the-signature snippets shown in the UI", () => {
  it("verify a real signed Test delivery, and refuse a tampered one", async () => {
    const saved = await call(globalOne.PUT, { provider: "custom-webhook" }, { token: token(), body: { url } });
    const result = await call(globalTest.POST, { provider: "custom-webhook" }, { token: token(), method: "POST" });
    expect(result.json).toMatchObject({ ok: true, status: 200 });
    const delivery = received.at(-1)!;
    expect(JSON.parse(delivery.raw.toString()).issues[0]).toHaveProperty("detectorId");

    const dir = mkdtempSync(path.join(tmpdir(), "snippets-"));
    writeFileSync(path.join(dir, "verify.mjs"), NODE_SNIPPET);
    const { verifySpectralSignature } = await import(
      /* @vite-ignore */ pathToFileURL(path.join(dir, "verify.mjs")).href
    );
    expect(verifySpectralSignature(delivery.headers, delivery.raw, saved.json.token)).toBe(true);
    expect(
      verifySpectralSignature(
        delivery.headers,
        Buffer.from(delivery.raw.toString().replace("error", "info")),
        saved.json.token,
      ),
    ).toBe(false);
    expect(
      verifySpectralSignature(
        { ...delivery.headers, "x-spectral-timestamp": "2001-01-01T00:00:00.000Z" },
        delivery.raw,
        saved.json.token,
      ),
    ).toBe(false);

    // The Python one too, where a python3 is installed.
    let python = true;
    try {
      execFileSync("python3", ["--version"]);
    } catch {
      python = false;
    }
    if (python) {
      writeFileSync(path.join(dir, "verify.py"), PYTHON_SNIPPET);
      writeFileSync(path.join(dir, "body.bin"), delivery.raw);
      const script = `import sys, json; sys.path.insert(0, ${JSON.stringify(dir)}); from verify import verify_spectral_signature as v
h = json.loads(sys.argv[1]); body = open(${JSON.stringify(path.join(dir, "body.bin"))}, "rb").read()
print(v(h, body, sys.argv[2]), v(h, body + b" ", sys.argv[2]))`;
      const out = execFileSync("python3", ["-c", script, JSON.stringify(delivery.headers), saved.json.token])
        .toString()
        .trim();
      expect(out).toBe("True False");
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
