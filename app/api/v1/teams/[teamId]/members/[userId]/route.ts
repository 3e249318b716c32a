import { apiRoute, uuidParam } from "@/lib/api/handler";
import { requireAdmin } from "@/lib/auth/principal";
import { membershipSchema } from "@/lib/people/schemas";
import { removeMembership, setMembership } from "@/lib/people/teams";

export const PUT = apiRoute(
  { body: membershipSchema, authorize: ({ principal }) => requireAdmin(principal) },
  ({ principal, body, params }) =>
    setMembership(principal, uuidParam(params.teamId, "Team"), uuidParam(params.userId, "User"), body.role),
);

export const DELETE = apiRoute({}, async ({ principal, params }) => {
  await removeMembership(principal, uuidParam(params.teamId, "Team"), uuidParam(params.userId, "User"));
});
