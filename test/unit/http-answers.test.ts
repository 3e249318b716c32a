import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendRequest } from "@/lib/http/client";

// A receiver whose answer is `size` bytes, with or without a content-length.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    if (url.searchParams.get("trickle")) {
      // A slow receiver: 1 KB every few milliseconds, 30 KB in all.
      res.writeHead(200, { "content-type": "text/plain" });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || ++sent > 30) {
          clearInterval(timer);
          return res.end();
        }
        res.write("x".repeat(1024));
      }, 3);
      return;
    }
    if (url.searchParams.get("endless")) {
      // Writes for as long as anyone reads.
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = "x".repeat(1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      return pump();
    }
    const body = "x".repeat(Number(url.searchParams.get("size")));
    if (url.searchParams.get("chunked")) {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write(body.slice(0, body.length / 2));
      res.end(body.slice(body.length / 2));
    } else res.writeHead(200, { "content-type": "text/plain", "content-length": String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("how much of an answer is read", () => {
  it("keeps the first 20 KB of a large answer for the delivery log", async () => {
    const res = await sendRequest({ url: `${base}/?size=100000`, method: "GET" });
    expect(res.body.length).toBe(20 * 1024);
  });

  it("keeps the first 20 KB of a large answer sent without a length", async () => {
    const res = await sendRequest({ url: `${base}/?size=100000&chunked=1`, method: "GET" });
    expect(res.body.length).toBe(20 * 1024);
  });

  it("keeps the first 20 KB of an answer that arrives in small pieces", async () => {
    const res = await sendRequest({ url: `${base}/?trickle=1`, method: "GET" });
    expect(res.body.length).toBe(20 * 1024);
  });

  it("stops reading an answer that never ends once it has the first 20 KB", async () => {
    const res = await sendRequest({ url: `${base}/?endless=1`, method: "GET", timeoutMs: 5000 });
    expect(res.body.length).toBe(20 * 1024);
  });

  it("reads a vendor answer of exactly its limit, with or without a length", async () => {
    for (const chunked of ["", "1"]) {
      const res = await sendRequest({
        url: `${base}/?size=4096&chunked=${chunked}`,
        method: "GET",
        maxResponseBytes: 4096,
      });
      expect(res.body.length).toBe(4096);
    }
  });

  it("reads a vendor answer whole, up to its limit, with or without a length", async () => {
    for (const chunked of ["", "1"]) {
      const res = await sendRequest({
        url: `${base}/?size=100000&chunked=${chunked}`,
        method: "GET",
        maxResponseBytes: 1_000_000,
      });
      expect(res.body.length).toBe(100_000);
    }
  });

  it("refuses a vendor answer over its limit with a clear error", async () => {
    for (const chunked of ["", "1"]) {
      await expect(
        sendRequest({ url: `${base}/?size=5000&chunked=${chunked}`, method: "GET", maxResponseBytes: 4096 }),
      ).rejects.toMatchObject({ kind: "too_large", message: "The answer is larger than 4 KB" });
    }
  });
});
