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
