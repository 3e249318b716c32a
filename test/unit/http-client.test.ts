import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendRequest } from "@/lib/http/client";
import { isOutboundError, OutboundError, outboundErrorOf } from "@/lib/http/errors";
import { setResolverForTests } from "@/lib/http/resolver";
import { parseRetryAfter } from "@/lib/http/retry-after";
import { outboundUrlProblem } from "@/lib/http/url-policy";

// A receiver on loopback (tests allow private addresses unless they say otherwise).
let server: Server;
let port: number;
let base: string;
const seen: { method: string; headers: Record<string, unknown>; body: string }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method!, headers: req.headers, body });
      const url = new URL(req.url!, "http://x");
      if (url.pathname === "/redirect") res.writeHead(Number(url.searchParams.get("status")), { location: "/x" }).end();
      else if (url.pathname === "/silent")
        return; // never answers
      else if (url.pathname === "/drop") req.socket.destroy();
      else
        res
          .writeHead(201, [
            ["content-type", "text/plain"],
            ["set-cookie", "a=1"],
            ["set-cookie", "b=2"],
          ])
          .end(`got ${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  process.env.OUTBOUND_ALLOW_PRIVATE = "true";
  setResolverForTests(null);
});

describe("a call to a receiver", () => {
  it("posts the body with its headers unless told otherwise, and hands back the answer as it came", async () => {
    const answer = await sendRequest({ url: `${base}/hook`, headers: { "x-test": "1" }, body: "hello" });
    expect(seen.at(-1)).toMatchObject({ method: "POST", headers: { "x-test": "1" }, body: "hello" });
    expect(answer).toMatchObject({ status: 201, body: "got hello", headers: { "set-cookie": "a=1, b=2" } });
    expect(answer.durationMs).toBeGreaterThanOrEqual(0);
    expect(answer.durationMs).toBeLessThan(10_000);
    await sendRequest({ url: `${base}/hook`, method: "PUT", body: "x" });
    expect(seen.at(-1)!.method).toBe("PUT");
  });

  it("reaches a host by name through the resolver", async () => {
    setResolverForTests(async () => [{ address: "127.0.0.1", family: 4 }]);
    expect((await sendRequest({ url: `http://receiver.test:${port}/hook`, body: "n" })).body).toBe("got n");
  });

  it("does not follow a redirect, and says so with the status", async () => {
    await expect(sendRequest({ url: `${base}/redirect?status=302` })).rejects.toMatchObject({
      kind: "redirect",
      status: 302,
      message: "Redirect (HTTP 302) was not followed",
    });
    await expect(sendRequest({ url: `${base}/redirect?status=307` })).rejects.toMatchObject({ kind: "redirect" });
    await expect(sendRequest({ url: `${base}/redirect?status=300` })).rejects.toMatchObject({ kind: "redirect" });
    expect((await sendRequest({ url: `${base}/redirect?status=304` })).status).toBe(304);
    // A 4xx with a Location header is an answer like any other.
    expect((await sendRequest({ url: `${base}/redirect?status=400` })).status).toBe(400);
  });

  it("gives up on a receiver that does not answer in time, naming the budget", async () => {
    await expect(sendRequest({ url: `${base}/silent`, body: "x", timeoutMs: 300 })).rejects.toMatchObject({
      kind: "timeout",
      message: "No complete answer within 0.3 s",
    });
  });

  it("refuses a URL that is not http(s) before trying it", async () => {
    await expect(sendRequest({ url: "not a url" })).rejects.toMatchObject({
      kind: "invalid_url",
      message: "The URL is not valid",
    });
    await expect(sendRequest({ url: "ftp://127.0.0.1/x" })).rejects.toMatchObject({
      kind: "invalid_url",
      message: "Only http and https URLs can be called",
    });
  });

  it("says why a connection failed, in words for the delivery log", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(sendRequest({ url: `http://127.0.0.1:${closedPort}/x` })).rejects.toMatchObject({
      kind: "connection",
      message: "Connection refused",
    });
    setResolverForTests(async () => []);
    await expect(sendRequest({ url: "http://nowhere.test/x" })).rejects.toMatchObject({
      kind: "connection",
      message: "The host name does not resolve",
    });
    setResolverForTests(() => Promise.reject(Object.assign(new Error("try later"), { code: "EAI_AGAIN" })));
    await expect(sendRequest({ url: "http://flaky.test/x" })).rejects.toMatchObject({
      kind: "connection",
      message: "DNS lookup failed (temporary)",
    });
  });

  it("says so when the receiver hangs up without answering", async () => {
    await expect(sendRequest({ url: `${base}/drop`, body: "x" })).rejects.toMatchObject({
      kind: "connection",
      message: "Connection closed by the receiver",
    });
  });

  it.each([
    ["ECONNRESET", "Connection reset by the receiver"],
    ["EHOSTUNREACH", "Host unreachable"],
    ["ENETUNREACH", "Network unreachable"],
    ["CERT_HAS_EXPIRED", "TLS certificate has expired"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "TLS certificate is self-signed"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "TLS certificate does not match the host"],
    ["EPROTO", "Connection failed (EPROTO)"],
    [undefined, "Connection failed"],
  ])("shows a connection that failed with %s in the delivery log as “%s”", async (code, words) => {
    // The failure reaches the client the way any socket error does: an error carrying its code.
    setResolverForTests(() => Promise.reject(Object.assign(new Error("failed"), { code })));
    await expect(sendRequest({ url: "http://failing.test/x" })).rejects.toMatchObject({
      kind: "connection",
      message: words,
    });
  });

  it("refuses a host whose DNS answer includes a private address, even after a public one", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "false";
    setResolverForTests(async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ]);
    await expect(sendRequest({ url: "https://mixed.test/x" })).rejects.toMatchObject({
      kind: "blocked",
      message: "Blocked: 10.0.0.7 is a private address",
    });
  });
});

describe("outbound errors", () => {
  it("are recognised by their brand, themselves or as the cause undici wrapped", () => {
    const error = new OutboundError("blocked", "Blocked: x");
    expect(error).toMatchObject({ name: "OutboundError", kind: "blocked", status: null });
    expect(isOutboundError(error)).toBe(true);
    expect(isOutboundError(new Error("x"))).toBe(false);
    expect(isOutboundError(null)).toBe(false);
    expect(isOutboundError("blocked")).toBe(false);
    expect(outboundErrorOf(new Error("wrapped", { cause: error }))).toBe(error);
    expect(outboundErrorOf(error)).toBe(error);
    expect(outboundErrorOf(new Error("other", { cause: new Error("x") }))).toBeUndefined();
    expect(outboundErrorOf(null)).toBeUndefined();
  });
});

describe("Retry-After", () => {
  it("is read as seconds, fractions too, or as a date, and capped at an hour", () => {
    expect(parseRetryAfter(" 1.5 ")).toBe(1500);
    expect(parseRetryAfter("0")).toBe(0);
    expect(parseRetryAfter("86400")).toBe(3600_000);
    expect(parseRetryAfter(new Date(3_000).toUTCString(), 5_000)).toBeNull();
    expect(parseRetryAfter("-5")).toBeNull();
    expect(parseRetryAfter("")).toBeNull();
    expect(parseRetryAfter("1e3")).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter("12")).toBe(12_000);
    expect(parseRetryAfter("1.25")).toBe(1250);
  });
});

describe("a configured URL", () => {
  it("carries no credentials and names no local host", () => {
    expect(outboundUrlProblem("https://user:pw@hooks.example.com/x", false)).toBe(
      "Put credentials in the token, not in the URL",
    );
    expect(outboundUrlProblem("https://:pw@hooks.example.com/x", true)).toBe(
      "Put credentials in the token, not in the URL",
    );
    expect(outboundUrlProblem("https://api.localhost/x", false)).toBe("The URL must point to a public address");
    expect(outboundUrlProblem("https://localhost.example.com/x", false)).toBeNull();
    expect(outboundUrlProblem("https://93.184.216.34/x", false)).toBeNull();
    expect(outboundUrlProblem("http://hooks.example.com/x", true)).toBeNull();
    expect(outboundUrlProblem("ftp://hooks.example.com/x", true)).toBe("The URL must start with https://");
    expect(outboundUrlProblem("not a url", false)).toBe("Enter a full URL, such as https://example.com/hooks/spectral");
  });
});
