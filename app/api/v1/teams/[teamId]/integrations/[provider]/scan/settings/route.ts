import { apiRoute } from "@/lib/api/handler";
import { requireScopeManager } from "@/lib/auth/principal";
import { getScanSettings, saveScanSettings, scanSettingsSchema } from "@/lib/scanning/settings";

export const GET = apiRoute({}, ({ principal, params }) => getScanSettings(principal, params.provider, params.teamId));
export const PUT = apiRoute(
  { body: scanSettingsSchema, authorize: ({ principal, params }) => requireScopeManager(principal, params.teamId) },
  ({ principal, params, body }) => saveScanSettings(principal, params.provider, params.teamId, body),
);
