import { apiRoute, uuidParam } from "@/lib/api/handler";
import { createMondayItemForIssue } from "@/lib/tickets/monday";
import { mondayItemSchema } from "@/lib/tickets/schemas";

/** Create the issue's monday item, or answer the one it already has. */
export const POST = apiRoute({ body: mondayItemSchema }, async ({ principal, params, body }) =>
  createMondayItemForIssue(principal, uuidParam(params.id, "Issue"), body),
);
