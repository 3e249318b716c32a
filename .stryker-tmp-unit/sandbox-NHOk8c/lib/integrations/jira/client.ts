// @ts-nocheck
import { whoAmI, type AtlassianCredentials } from "../atlassian";
import type { IntegrationConfig, TestResult } from "../types";

export function jiraCredentials(config: IntegrationConfig): AtlassianCredentials {
  return { domainUrl: String(config.settings.domainUrl ?? ""), email: String(config.settings.email ?? ""), apiToken: config.secrets.apiToken ?? "" };
}

/** Jira Cloud's own check of the credentials (contract §4). */
export function testJira(config: IntegrationConfig): Promise<TestResult> {
  return whoAmI(jiraCredentials(config), "/rest/api/3/myself");
}

/** Where a ticket lives in the browser: `<domainUrl>/browse/<key>`. */
export function jiraBrowseUrl(config: IntegrationConfig, key: string): string {
  return `${jiraCredentials(config).domainUrl.replace(/\/$/, "")}/browse/${encodeURIComponent(key)}`;
}
