// @ts-nocheck
import { scrape } from "@/lib/metrics/endpoint";

export const dynamic = "force-dynamic";

/** Prometheus metrics of this process (lib/metrics), behind METRICS_TOKEN when it is set. */
export async function GET(request: Request): Promise<Response> {
  const answer = await scrape(request.headers.get("authorization"));
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
