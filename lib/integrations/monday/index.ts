import { defineProvider, type IntegrationConfig } from "../types";
import { mondayApiUrl, mondayToken, testMondayToken, testMondayWorkspace } from "./graphql";
import { mondayForm } from "./schema";
import { buildMondaySyncRequest, judgeMondayAnswer, type MondaySyncPayload } from "./sync-request";

function isTeamConfig(config: IntegrationConfig): boolean {
  return config.teamId !== null && typeof config.settings.defaultWorkspaceId === "string";
}

export const monday = defineProvider({
  id: "monday",
  name: "Monday",
  scopes: ["global", "team"],
  teamUsesGlobalSecrets: true,
  form: mondayForm,
  secretFields: ["apiToken"],
  // The API's address is the product's (MONDAY_API_URL), not a setting.
  destinationFields: [],
  ui: {
    summary: {
      global: { label: "Account", setting: "accountDomain" },
      team: "The API token is global: an administrator sets it once, in the Global scope, for every team. Here you choose this team's default workspace, which comes first when the team's people create a Monday item. Test checks the global token from this team's section.",
    },
    extras: ["ticket-sync"],
  },
  destination: () => mondayApiUrl(),
  test: (config, runtime) =>
    isTeamConfig(config)
      ? testMondayWorkspace(runtime, mondayToken(config), String(config.settings.defaultWorkspaceId))
      : testMondayToken(runtime, mondayToken(config)),
  tickets: {
    tool: "monday",
    noun: "item",
    plural: "items",
    keyPrefix: "item ",
    sync: {
      doneHint: "The label the board's status column marks as done.",
      onResolveLabel: "When an issue resolves, set its item's status to",
    },
    statusHook: {
      label: "monday webhook URL",
      hint: "Subscribed automatically for each board with linked items. It contains a secret.",
      container: "board",
      containers: "boards",
    },
  },
  // Ticket sync: updates and status moves on linked items.
  buildRequest: (config, payload, sentBody, call) =>
    buildMondaySyncRequest(config, payload as MondaySyncPayload, sentBody, call),
  judgeResponse: judgeMondayAnswer,
  async describeAccount(config, runtime) {
    if (config.teamId !== null) return {};
    const result = await testMondayToken(runtime, mondayToken(config));
    return result.accountDomain ? { accountDomain: result.accountDomain } : {};
  },
  category: "ticketing",
});
