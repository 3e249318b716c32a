import { apiRoute, uuidParam } from "@/lib/api/handler";
import { ValidationError } from "@/lib/errors";
import { mondayWorkspacesForIssue } from "@/lib/tickets/monday";

/** The workspaces for creating an item from `issueId`, in the order of contract §5. */
export const GET = apiRoute({}, async ({ principal, url }) => {
  const issueId = url.searchParams.get("issueId");
  if (!issueId) throw new ValidationError("issueId is required", { issueId: "Required" });
  return { items: await mondayWorkspacesForIssue(principal, uuidParam(issueId, "Issue")) };
});
