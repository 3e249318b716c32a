import { errorResponse } from "@/lib/api/respond";
import { receiveMondayHook } from "@/lib/sync/monday-hook";

// Called by monday.com, not by a user: authenticated by the secret token in the integration's
// hookUrl (monday signs only OAuth apps' webhooks), so it sits outside apiRoute's Bearer check.
export async function POST(
  request: Request,
  context: { params: Promise<{ integrationId: string }> },
): Promise<Response> {
  try {
    const { integrationId } = await context.params;
    return Response.json(await receiveMondayHook(integrationId, request));
  } catch (error) {
    return errorResponse(error);
  }
}
