// A loopback receiver for the fakes' own tests: it records every POST and answers with whatever
// `answer` returns (by default 200 and the request body back, which passes monday's challenge).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  json: unknown;
}
export type Answer = (r: Received) => { status: number; body?: string; delayMs?: number };

export async function startReceiver(answer: Answer = (r) => ({ status: 200, body: r.raw })) {
  const received: Received[] = [];
  const state = { answer };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const r = { path: req.url ?? "/", headers: req.headers, raw, json };
    received.push(r);
    const a = state.answer(r);
    if (a.delayMs) await new Promise((resolve) => setTimeout(resolve, a.delayMs));
    if (res.destroyed) return;
    res.writeHead(a.status, { "content-type": "application/json" });
    res.end(a.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    /** Changes how later requests are answered. */
    answerWith(a: Answer) {
      state.answer = a;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
