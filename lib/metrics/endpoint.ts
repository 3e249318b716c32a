import { createHash, timingSafeEqual } from "node:crypto";
import { metrics } from "./registry";

/**
 * With METRICS_TOKEN set, a scrape must send `Authorization: Bearer <METRICS_TOKEN>`. Both sides
 * are hashed first, so the comparison takes the same time whatever the length or the first
 * differing byte.
 */
export function metricsAuthorized(authorization: string | null | undefined): boolean {
  const expected = process.env.METRICS_TOKEN;
  if (!expected) return true;
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export type MetricsAnswer = { status: number; headers: Record<string, string>; body: string };

/** The answer to a scrape, for the web route and the worker's own endpoint alike. */
export async function scrape(authorization: string | null | undefined): Promise<MetricsAnswer> {
  if (!metricsAuthorized(authorization)) {
    return {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="metrics"' },
      body: "A valid METRICS_TOKEN is required (Authorization: Bearer <token>)\n",
    };
  }
  const { registry } = metrics();
  return {
    status: 200,
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
    body: await registry.metrics(),
  };
}
