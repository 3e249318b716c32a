import type { Provider } from "../types";
import { jiraCredentials, testJira } from "./client";
import { buildJiraSyncRequest, type JiraSyncPayload } from "./sync";
import { jiraForm, jiraSchema } from "./schema";

export const jira: Provider = {
  id: "jira",
  name: jiraForm.name,
  teamLevel: true,
  secretFields: ["apiToken"],
  destinationFields: ["domainUrl"],
  destination: (config) => jiraCredentials(config).domainUrl,
  schema: jiraSchema,
  test: testJira,
  // Ticket sync (issue 16): comments and transitions on linked tickets.
  buildRequest: (config, payload, sentBody) => buildJiraSyncRequest(config, payload as JiraSyncPayload, sentBody),
};
