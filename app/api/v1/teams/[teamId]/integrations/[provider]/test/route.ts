import { apiRoute } from "@/lib/api/handler";
import { requireScopeManager } from "@/lib/auth/principal";
import { settingsBody } from "@/lib/integrations/rest";
import { testIntegration } from "@/lib/integrations/service";

export const POST = apiRoute(
  {
    body: settingsBody,
    optionalBody: true,
    authorize: ({ principal, params }) => requireScopeManager(principal, params.teamId),
  },
  async ({ principal, params, body }) => testIntegration(principal, params.provider, params.teamId, body),
);
