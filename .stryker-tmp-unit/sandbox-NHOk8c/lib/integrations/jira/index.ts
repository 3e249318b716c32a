// @ts-nocheck
import type { Provider } from "../types";
import { jiraCredentials, testJira } from "./client";
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
};
