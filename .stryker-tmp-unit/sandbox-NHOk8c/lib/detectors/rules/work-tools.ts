// @ts-nocheck
import { nearVendor, token, type Rule } from "../rule";
import { jsonAfter } from "../verify";

export const WORK_TOOL_RULES: Rule[] = [
  // Since 2023: `ATATT3xFfGF0` + payload + `=` + 8 upper-case hex digits.
  token("atlassianToken", ["ATATT3"], "[A-Za-z0-9_-]{100,300}=[0-9A-F]{8}", { checked: true }),
  // Older tokens are 24 characters, recognisable only by who they are for.
  nearVendor("atlassianToken", ["atlassian", "jira", "confluence"], "[A-Za-z0-9]{24}", { entropy: 3.5 }),
  token("linearKey", ["lin_api_"], "[A-Za-z0-9]{40}", { entropy: 3.5 }),
  token("linearKey", ["lin_oauth_"], "[a-f0-9]{64}", { entropy: 3.5 }),
  token("notionToken", ["ntn_"], "[0-9]{11}[A-Za-z0-9]{35}", { entropy: 3.5 }),
  token("notionToken", ["secret_"], "[A-Za-z0-9]{43}", { entropy: 4 }),
  token("airtableToken", ["pat"], "[A-Za-z0-9]{14}\\.[a-f0-9]{64}", { checked: true }),
  token("onePasswordToken", ["ops_eyJ"], "[A-Za-z0-9+/]{100,3000}={0,3}", { checked: true, verify: jsonAfter("ops_") }),
  token("postmanKey", ["PMAK-"], "[a-f0-9]{24}-[a-f0-9]{34}", { entropy: 3 }),
];
