import { apiRoute } from "@/lib/api/route";
import { getScanSettings, saveScanSettings, scanSettingsSchema } from "@/lib/scanning/settings";

// Allow/deny lists, "Redact finding" and its message, and the webhook URL to paste into the vendor.
export const GET = apiRoute({}, ({ principal, params }) => getScanSettings(principal, params.provider, null));
export const PUT = apiRoute({ body: scanSettingsSchema }, ({ principal, params, body }) => saveScanSettings(principal, params.provider, null, body));
