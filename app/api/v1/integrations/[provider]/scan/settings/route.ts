import { apiRoute } from "@/lib/api/handler";
import { requireScopeManager } from "@/lib/auth/principal";
import { getScanSettings, saveScanSettings, scanSettingsSchema } from "@/lib/scanning/settings";

// Allow/deny lists, "Redact finding" and its message, and the webhook URL to paste into the vendor.
export const GET = apiRoute({}, ({ principal, params }) => getScanSettings(principal, params.provider, null));
export const PUT = apiRoute(
  { body: scanSettingsSchema, authorize: ({ principal }) => requireScopeManager(principal, null) },
  ({ principal, params, body }) => saveScanSettings(principal, params.provider, null, body),
);
