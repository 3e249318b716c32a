import http from "node:http";
import type { AddressInfo } from "node:net";
import { checkHealth } from "@/lib/health";
import { scrape } from "./endpoint";

/**
 * `npm run worker` serves no web pages, so with METRICS_PORT set it answers `GET /metrics` (its
 * own delivery counters and latencies, which the web processes cannot see) and `GET /health`.
 */
export async function serveWorkerMetrics(
  port: number,
  host = process.env.METRICS_HOST || "0.0.0.0",
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const answer = (status: number, headers: Record<string, string>, body: string) =>
      res.writeHead(status, headers).end(body);
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET") return answer(405, { allow: "GET" }, "");
    if (path === "/metrics") {
      scrape(req.headers.authorization).then(
        (a) => answer(a.status, a.headers, a.body),
        () => answer(500, {}, ""),
      );
    } else if (path === "/health") {
      checkHealth({ liveOnly: (req.url ?? "").includes("probe=live") }).then(
        (h) => answer(h.ready ? 200 : 503, { "content-type": "application/json" }, JSON.stringify(h)),
        () => answer(500, {}, ""),
      );
    } else answer(404, {}, "");
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
