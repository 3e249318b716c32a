import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/auth/client-address";

// The preload the web server runs with: it patches http.createServer in this process.
beforeAll(async () => {
  await import("@/scripts/request-edge.mjs");
});
afterEach(() => {
  delete process.env.TRUST_PROXY;
});

/** A request to a server made the way Next.js makes its own; it answers the client address it saw. */
async function get(
  path: string,
  headers: Record<string, string>,
  localAddress = "127.0.0.1",
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  const server = http.createServer((req, res) => {
    const seen = clientAddress(new Headers(req.headers as Record<string, string>));
    res.end(seen);
  });
  server.listen(0, "0.0.0.0");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path, localAddress, headers }, (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
        })
        .on("error", reject);
    });
  } finally {
    server.close();
  }
}

const seenAddress = async (headers: Record<string, string>, localAddress?: string) =>
  (await get("/", headers, localAddress)).text;

describe("the client address the sign-in throttle sees", () => {
  it("is the socket's, whatever X-Forwarded-For or our own header claims", async () => {
    expect(
      await seenAddress({ "x-forwarded-for": "203.0.113.66", [CLIENT_ADDRESS_HEADER]: "203.0.113.67" }, "127.0.0.2"),
    ).toBe("127.0.0.2");
  });

  it("is the address the reverse proxy appended to X-Forwarded-For when TRUST_PROXY=true", async () => {
    process.env.TRUST_PROXY = "true";
    expect(await seenAddress({ "x-forwarded-for": "10.9.9.9, 198.51.100.23" })).toBe("198.51.100.23");
    expect(await seenAddress({})).toBe("127.0.0.1");
  });
});

describe("an API path that does not decode", () => {
  it("is answered 400 before the framework sees it; a percent-encoded percent sign passes", async () => {
    for (const path of [
      "/api/v1/assets/%",
      "/api/v1/assets/%FF",
      "/api/v1/assets/%ED%A0%80",
      "/api/v1/assets/50%off",
    ]) {
      const answer = await get(path, {});
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.text).error.code, path).toBe("bad_request");
      expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
      expect(answer.headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
    expect((await get("/api/v1/assets/a%25b%2Fc", {})).status).toBe(200);
  });
});
