import { apiRoute } from "@/lib/api/route";
import { optionalSettingsBody } from "@/lib/integrations/rest";
import { testIntegration } from "@/lib/integrations/service";

export const POST = apiRoute({}, async ({ principal, params, request }) =>
  testIntegration(principal, params.provider, params.teamId, await optionalSettingsBody(request)),
);
