import type { IntegrationConfig, Provider } from "../types";
import { mondayApiUrl, mondayToken, testMondayToken, testMondayWorkspace } from "./client";
import { buildMondaySyncRequest, judgeMondayAnswer, type MondaySyncPayload } from "./sync";
import { mondayForm, mondaySchema, mondayTeamSchema } from "./schema";

function isTeamConfig(config: IntegrationConfig): boolean {
  return config.teamId !== null && typeof config.settings.defaultWorkspaceId === "string";
}

export const monday: Provider = {
  id: "monday",
  name: mondayForm.name,
  teamLevel: true,
  secretFields: ["apiToken"],
  // The API's address is the product's (MONDAY_API_URL), not a setting.
  destinationFields: [],
  destination: () => mondayApiUrl(),
  schema: mondaySchema,
  teamSchema: mondayTeamSchema,
  teamUsesGlobalSecrets: true,
  test: (config) =>
    isTeamConfig(config) ? testMondayWorkspace(mondayToken(config), String(config.settings.defaultWorkspaceId)) : testMondayToken(mondayToken(config)),
  // Ticket sync (issue 16): updates and status moves on linked items.
  buildRequest: (config, payload, sentBody) => buildMondaySyncRequest(config, payload as MondaySyncPayload, sentBody),
  judgeResponse: judgeMondayAnswer,
  async describeAccount(config) {
    if (config.teamId !== null) return {};
    const result = await testMondayToken(mondayToken(config));
    return result.accountDomain ? { accountDomain: result.accountDomain } : {};
  },
};
