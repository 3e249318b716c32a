import { apiRoute, uuidParam } from "@/lib/api/handler";
import { requireAdmin } from "@/lib/auth/principal";
import { createTokenSchema } from "@/lib/people/schemas";
import { createTokenFor } from "@/lib/people/users";

export const POST = apiRoute(
  { body: createTokenSchema, authorize: ({ principal }) => requireAdmin(principal) },
  async ({ principal, body, params }) =>
    Response.json(await createTokenFor(principal, uuidParam(params.userId, "User"), body.name), { status: 201 }),
);
