import { apiRoute, uuidParam } from "@/lib/api/handler";
import { createJiraTicket } from "@/lib/tickets/jira";
import { jiraTicketSchema } from "@/lib/tickets/schemas";

/** Create the Jira ticket, or answer the one it already has. */
export const POST = apiRoute({ body: jiraTicketSchema }, async ({ principal, params, body }) =>
  createJiraTicket(principal, uuidParam(params.id, "Issue"), body),
);
