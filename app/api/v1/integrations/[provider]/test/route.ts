import { apiRoute } from "@/lib/api/handler";
import { requireScopeManager } from "@/lib/auth/principal";
import { settingsBody } from "@/lib/integrations/rest";
import { testIntegration } from "@/lib/integrations/service";

// No body tests the saved settings; a settings object tests those unsaved edits.
export const POST = apiRoute(
  { body: settingsBody, optionalBody: true, authorize: ({ principal }) => requireScopeManager(principal, null) },
  async ({ principal, params, body }) => testIntegration(principal, params.provider, null, body),
);
