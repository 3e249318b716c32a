import { errorResponse } from "@/lib/api/respond";
import { receiveHook } from "@/lib/scanning/hooks";

// Called by the vendor of a scanned provider (Jira, Confluence), not by a user: authenticated by
// the integration's own webhook secret, so it sits outside apiRoute's Bearer check. It only queues
// the scan, so it answers within a second.
export async function POST(
  request: Request,
  context: { params: Promise<{ provider: string; integrationId: string }> },
): Promise<Response> {
  try {
    const { provider, integrationId } = await context.params;
    return Response.json(await receiveHook(provider, integrationId, request), { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
