// @ts-nocheck
import { whoAmI, type AtlassianCredentials } from "../atlassian";
import type { IntegrationConfig, TestResult } from "../types";

// Confluence REST v2 has no current-user endpoint; v1's is still the documented way to check
// credentials (https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/).
export const CURRENT_USER_PATH = "/wiki/rest/api/user/current";

export function confluenceCredentials(config: IntegrationConfig): AtlassianCredentials {
  return { domainUrl: String(config.settings.domainUrl ?? ""), email: String(config.settings.email ?? ""), apiToken: config.secrets.apiToken ?? "" };
}

export function testConfluence(config: IntegrationConfig): Promise<TestResult> {
  return whoAmI(confluenceCredentials(config), CURRENT_USER_PATH);
}
