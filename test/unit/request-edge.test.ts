import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/auth/client-address";

// The preload the web server runs with: it patches http.createServer in this process.
beforeAll(async () => {
  // @ts-expect-error: a plain .mjs script without types
  await import("@/scripts/client-address.mjs");
});
afterEach(() => {
  delete process.env.TRUST_PROXY;
});

/** What the app would see as the client address of a request sent from `localAddress`. */
async function seenAddress(headers: Record<string, string>, localAddress = "127.0.0.1"): Promise<string> {
  const server = http.createServer((req, res) => {
    const seen = clientAddress(new Headers(req.headers as Record<string, string>));
    res.end(seen);
  });
  server.listen(0, "0.0.0.0");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, localAddress, headers }, (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve(text));
        })
        .on("error", reject);
    });
  } finally {
    server.close();
  }
}

describe("the client address the sign-in throttle sees", () => {
  it("is the socket's, whatever X-Forwarded-For or our own header claims", async () => {
    expect(await seenAddress({ "x-forwarded-for": "203.0.113.66", [CLIENT_ADDRESS_HEADER]: "203.0.113.67" }, "127.0.0.2")).toBe("127.0.0.2");
  });

  it("is the address the reverse proxy appended to X-Forwarded-For when TRUST_PROXY=true", async () => {
    process.env.TRUST_PROXY = "true";
    expect(await seenAddress({ "x-forwarded-for": "10.9.9.9, 198.51.100.23" })).toBe("198.51.100.23");
    expect(await seenAddress({})).toBe("127.0.0.1");
  });
});
