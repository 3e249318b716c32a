import { atlassianCredentials } from "../atlassian";
import type { IntegrationConfig } from "../types";

export const jiraCredentials = atlassianCredentials;

/** Where a ticket lives in the browser: `<domainUrl>/browse/<key>`. */
export function jiraBrowseUrl(config: IntegrationConfig, key: string): string {
  return `${jiraCredentials(config).domainUrl.replace(/\/$/, "")}/browse/${encodeURIComponent(key)}`;
}
