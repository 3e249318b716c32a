import { apiRoute } from "@/lib/api/handler";
import { requireAdmin } from "@/lib/auth/principal";
import { createUserSchema } from "@/lib/people/schemas";
import { createUser, listUsers } from "@/lib/people/users";

export const GET = apiRoute({}, async ({ principal }) => {
  requireAdmin(principal);
  return listUsers();
});

export const POST = apiRoute(
  { body: createUserSchema, authorize: ({ principal }) => requireAdmin(principal) },
  async ({ principal, body }) => Response.json(await createUser(principal, body), { status: 201 }),
);
