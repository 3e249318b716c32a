import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { listTeamMondayWorkspaces } from "@/lib/integrations/workspaces";

/** The monday workspaces a team may pick as its default (monday only). */
export const GET = apiRoute({}, async ({ principal, params }) => {
  if (params.provider !== "monday") throw new NotFoundError("Workspaces");
  return { items: await listTeamMondayWorkspaces(principal, params.teamId) };
});
