import { atlassianCredentials } from "../atlassian";

// Confluence REST v2 has no current-user endpoint; v1's is still the documented way to check
// credentials (https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/).
export const CURRENT_USER_PATH = "/wiki/rest/api/user/current";

export const confluenceCredentials = atlassianCredentials;
