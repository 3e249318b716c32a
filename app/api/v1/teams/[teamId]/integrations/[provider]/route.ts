import { apiRoute } from "@/lib/api/handler";
import { requireScopeManager } from "@/lib/auth/principal";
import { settingsBody } from "@/lib/integrations/rest";
import { deleteIntegration, getIntegration, saveIntegration } from "@/lib/integrations/service";
import { toApi } from "@/lib/integrations/views";

export const GET = apiRoute({}, async ({ principal, params }) =>
  toApi(await getIntegration(principal, params.provider, params.teamId)),
);

export const PUT = apiRoute(
  { body: settingsBody, authorize: ({ principal, params }) => requireScopeManager(principal, params.teamId) },
  async ({ principal, params, body }) => toApi(await saveIntegration(principal, params.provider, params.teamId, body)),
);

export const DELETE = apiRoute({}, async ({ principal, params }) => {
  await deleteIntegration(principal, params.provider, params.teamId);
});
