"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/api/action";
import { cancelScan, scanProgress, startScan } from "./jobs";
import { getScanSettings, SCAN_PROVIDER_IDS, saveScanSettings, scanSettingsSchema } from "./settings";

// The settings panel's twins of /api/v1/integrations/{provider}/scan and …/scan/settings.
const scope = z.object({ provider: z.enum(SCAN_PROVIDER_IDS), teamId: z.uuid().nullable() });

export const startScanAction = validatedAction(scope, ({ provider, teamId }, principal) =>
  startScan(principal, provider, teamId),
);
export const scanProgressAction = validatedAction(scope, ({ provider, teamId }, principal) =>
  scanProgress(principal, provider, teamId),
);
export const cancelScanAction = validatedAction(scope, ({ provider, teamId }, principal) =>
  cancelScan(principal, provider, teamId),
);
export const getScanSettingsAction = validatedAction(scope, ({ provider, teamId }, principal) =>
  getScanSettings(principal, provider, teamId),
);
export const saveScanSettingsAction = validatedAction(
  scope.extend({ settings: scanSettingsSchema }),
  ({ provider, teamId, settings }, principal) => saveScanSettings(principal, provider, teamId, settings),
);
