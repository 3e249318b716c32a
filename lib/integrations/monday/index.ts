import { defineProvider, type IntegrationConfig } from "../types";
import { mondayApiUrl, mondayToken, testMondayToken, testMondayWorkspace } from "./graphql";
import { mondayForm } from "./schema";

function isTeamConfig(config: IntegrationConfig): boolean {
  return config.teamId !== null && typeof config.settings.defaultWorkspaceId === "string";
}

export const monday = defineProvider({
  id: "monday",
  name: "Monday",
  category: "ticketing",
  scopes: ["global", "team"],
  form: mondayForm,
  secretFields: ["apiToken"],
  // The API's address is the product's (MONDAY_API_URL), not a setting.
  destinationFields: [],
  teamUsesGlobalSecrets: true,
  ui: { summary: { global: { label: "Account", setting: "accountDomain" }, team: "Uses the global API token; pick the team's default workspace." } },
  destination: () => mondayApiUrl(),
  test: (config, runtime) =>
    isTeamConfig(config)
      ? testMondayWorkspace(runtime, mondayToken(config), String(config.settings.defaultWorkspaceId))
      : testMondayToken(runtime, mondayToken(config)),
  tickets: true,
  async describeAccount(config, runtime) {
    if (config.teamId !== null) return {};
    const result = await testMondayToken(runtime, mondayToken(config));
    return result.accountDomain ? { accountDomain: result.accountDomain } : {};
  },
});
