// @ts-nocheck
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Liveness and readiness, public (lib/health.ts): 200 when ready, 503 when not. `?probe=live` skips the database. */
export async function GET(request: Request): Promise<Response> {
  const health = await checkHealth({ liveOnly: new URL(request.url).searchParams.get("probe") === "live" });
  return Response.json(health, { status: health.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
