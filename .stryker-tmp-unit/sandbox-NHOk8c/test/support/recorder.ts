// @ts-nocheck
import http from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback server that answers 200 to anything and records what reached it: a stand-in for an attacker's host. */
export function createRecorder() {
  const seen: { method: string; path: string; authorization?: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization, body });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return {
    seen,
    get url() {
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    start: () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve())),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
