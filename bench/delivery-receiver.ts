// A loopback webhook receiver for the delivery tests, the crash test and the benchmark: it
// records what arrives and answers as scripted (status, delay, reset, redirect).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { at: number; method: string; path: string; headers: http.IncomingHttpHeaders; body: string };
export type Answer = {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
  reset?: boolean;
};

export class Receiver {
  readonly received: Received[] = [];
  /** Answers for the next requests, in order; then `fallback`. */
  readonly script: Answer[] = [];
  fallback: Answer = { status: 200, body: "ok" };
  /** Keep only a count (the benchmark), not every request. */
  recordBodies = true;
  count = 0;
  private server?: http.Server;
  url = "";

  async start(): Promise<this> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => void this.answer(req, res, Buffer.concat(chunks).toString("utf8")));
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    this.count++;
    if (this.recordBodies)
      this.received.push({ at: Date.now(), method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
    const answer = this.script.shift() ?? this.fallback;
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (answer.reset) {
      req.socket.destroy();
      return;
    }
    if (res.destroyed) return;
    res.writeHead(answer.status ?? 200, { "content-type": "text/plain", ...answer.headers });
    res.end(answer.body ?? "");
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
