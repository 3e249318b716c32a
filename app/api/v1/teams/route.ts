import { apiRoute } from "@/lib/api/handler";
import { requireAdmin } from "@/lib/auth/principal";
import { createTeamSchema } from "@/lib/people/schemas";
import { createTeam, listTeams } from "@/lib/people/teams";

export const GET = apiRoute({}, async () => listTeams());

export const POST = apiRoute(
  { body: createTeamSchema, authorize: ({ principal }) => requireAdmin(principal) },
  async ({ principal, body }) => Response.json(await createTeam(principal, body), { status: 201 }),
);
