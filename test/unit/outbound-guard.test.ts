import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sendRequest } from "@/lib/http/client";
import { setResolverForTests } from "@/lib/http/resolver";

const creds = { domainUrl: "http://127.0.0.1:9", email: "a@example.com", apiToken: "not-sent-anywhere" };

beforeEach(() => {
  process.env.OUTBOUND_ALLOW_PRIVATE = "false";
});
afterEach(() => {
  process.env.OUTBOUND_ALLOW_PRIVATE = "true";
  setResolverForTests(null);
});

describe("the connect-time guard", () => {
  it("refuses an IPv4-compatible IPv6 literal before any packet leaves", async () => {
    await expect(sendRequest({ url: "http://[::127.0.0.1]:9/hook", body: "{}" })).rejects.toMatchObject({
      kind: "blocked",
      message: expect.stringContaining("carries 127.0.0.1"),
    });
  });

  it("refuses a host name whose DNS answer embeds a private IPv4 address", async () => {
    setResolverForTests(async () => [{ address: "64:ff9b::a00:5", family: 6 }]);
    await expect(sendRequest({ url: "https://hooks.example.com/x", body: "{}" })).rejects.toMatchObject({
      kind: "blocked",
      message: expect.stringContaining("carries 10.0.0.5"),
    });
  });

  it("judges the address it actually reached, whatever the lookup said a moment before", async () => {
    let requests = 0;
    const receiver = createServer((_, res) => {
      requests++;
      res.end("reached");
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;
    try {
      process.env.OUTBOUND_ALLOW_PRIVATE = "true";
      setResolverForTests(() => {
        const answer = Promise.resolve([{ address: "127.0.0.1", family: 4 as const }]);
        // Loopback is allowed while the lookup's answer is judged and refused by the time the
        // socket connects: what DNS said a moment earlier no longer holds.
        void answer.then(() =>
          queueMicrotask(() => {
            process.env.OUTBOUND_ALLOW_PRIVATE = "false";
          }),
        );
        return answer;
      });
      await expect(sendRequest({ url: `http://rebound.test:${port}/hook`, body: "{}" })).rejects.toMatchObject({
        kind: "blocked",
        message: "Blocked: 127.0.0.1 is a loopback address",
      });
      expect(requests).toBe(0);
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});

describe("a blocked vendor call is reported as blocked", () => {
  it("even when the guard that refused it was built by another bundle's copy of the HTTP modules", async () => {
    // Next.js gives the scan runner and the route handlers their own copies of lib/, while the
    // keep-alive pool, with its guard, lives on globalThis: the first copy to call builds it.
    const first = await import("@/lib/integrations/atlassian-client");
    await expect(first.atlassianCall(creds, "GET", "/rest/api/3/myself")).rejects.toMatchObject({
      vendorMessage: "Blocked: 127.0.0.1 is a loopback address",
    });
    vi.resetModules();
    const second = await import("@/lib/integrations/atlassian-client");
    expect(second.atlassianCall).not.toBe(first.atlassianCall);
    await expect(second.atlassianCall(creds, "GET", "/rest/api/3/myself")).rejects.toMatchObject({
      vendorMessage: "Blocked: 127.0.0.1 is a loopback address",
    });
  });
});
