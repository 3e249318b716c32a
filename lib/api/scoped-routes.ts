import { apiRoute } from "@/lib/api/handler";
import { requireScopeManager } from "@/lib/auth/principal";
import { settingsBody } from "@/lib/integrations/rest";
import {
  deleteIntegration,
  getIntegration,
  listConfiguredIntegrations,
  saveIntegration,
  testIntegration,
} from "@/lib/integrations/service";
import { toApi } from "@/lib/integrations/views";
import { withSyncFacts } from "@/lib/sync/integration-view";
import { cancelScan, scanProgress, startScan } from "@/lib/scanning/jobs";
import { getScanSettings, saveScanSettings, scanSettingsSchema } from "@/lib/scanning/settings";

/**
 * Which settings a request is about, from its path: the global ones (`/api/v1/integrations/…`) or one
 * team's (`/api/v1/teams/{teamId}/integrations/…`). Both paths share every handler below, so a global
 * route and its team twin answer alike and check roles alike.
 */
export type Scope = (params: Record<string, string>) => string | null;

export const globalScope: Scope = () => null;
export const teamScope: Scope = (params) => params.teamId;

/** GET lists the integrations configured in the scope. */
export function integrationListRoutes(scope: Scope) {
  return {
    // Each item as GET of its provider answers it: hookUrl (to its scope's managers) and sync settings included.
    GET: apiRoute({}, async ({ principal, params }) => {
      const views = await listConfiguredIntegrations(principal, scope(params));
      return (await Promise.all(views.map((view) => withSyncFacts(view, principal)))).map(toApi);
    }),
  };
}

/** One provider's settings in the scope: read, save (scope managers only) and remove. */
export function integrationRoutes(scope: Scope) {
  return {
    GET: apiRoute({}, async ({ principal, params }) =>
      toApi(await getIntegration(principal, params.provider, scope(params))),
    ),
    PUT: apiRoute(
      { body: settingsBody, authorize: ({ principal, params }) => requireScopeManager(principal, scope(params)) },
      async ({ principal, params, body }) =>
        toApi(await saveIntegration(principal, params.provider, scope(params), body)),
    ),
    DELETE: apiRoute({}, async ({ principal, params }) => {
      await deleteIntegration(principal, params.provider, scope(params));
    }),
  };
}

/** No body tests the saved settings; a settings object tests those unsaved edits. */
export function integrationTestRoutes(scope: Scope) {
  return {
    POST: apiRoute(
      {
        body: settingsBody,
        optionalBody: true,
        authorize: ({ principal, params }) => requireScopeManager(principal, scope(params)),
      },
      async ({ principal, params, body }) => testIntegration(principal, params.provider, scope(params), body),
    ),
  };
}

/** Contract §3: POST starts a full scan, GET reports {state, scanned, total, found}; DELETE cancels it. */
export function scanRoutes(scope: Scope) {
  return {
    POST: apiRoute({}, ({ principal, params }) => startScan(principal, params.provider, scope(params))),
    GET: apiRoute({}, ({ principal, params }) => scanProgress(principal, params.provider, scope(params))),
    DELETE: apiRoute({}, ({ principal, params }) => cancelScan(principal, params.provider, scope(params))),
  };
}

/** Allow/deny lists, "Redact finding" and its message, and the webhook URL to paste into the vendor. */
export function scanSettingsRoutes(scope: Scope) {
  return {
    GET: apiRoute({}, ({ principal, params }) => getScanSettings(principal, params.provider, scope(params))),
    PUT: apiRoute(
      { body: scanSettingsSchema, authorize: ({ principal, params }) => requireScopeManager(principal, scope(params)) },
      ({ principal, params, body }) => saveScanSettings(principal, params.provider, scope(params), body),
    ),
  };
}
