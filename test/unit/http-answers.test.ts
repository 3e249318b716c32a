import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESPONSE_CAP_BYTES, sendRequest } from "@/lib/http/client";

// A receiver whose answer is `size` bytes, with or without a content-length.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
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
    expect(res.body.length).toBe(RESPONSE_CAP_BYTES);
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
