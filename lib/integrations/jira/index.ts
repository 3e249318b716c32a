import type { Provider } from "../types";
import { testJira } from "./client";
import { jiraForm, jiraSchema } from "./schema";

export const jira: Provider = {
  id: "jira",
  name: jiraForm.name,
  teamLevel: true,
  secretFields: ["apiToken"],
  schema: jiraSchema,
  test: testJira,
};
