// @ts-nocheck
import type { TestResult } from "./types";
import { basicAuth, callVendor, parseJson, vendorText } from "./vendor-call";

/** Jira and Confluence Cloud share Basic `email:apiToken` auth and their error shapes. */
export type AtlassianCredentials = { domainUrl: string; email: string; apiToken: string };

export function atlassianHeaders(creds: AtlassianCredentials): Record<string, string> {
  return { authorization: basicAuth(creds.email, creds.apiToken), accept: "application/json" };
}

/**
 * Atlassian's error text: Jira's `{errorMessages, errors}`, Confluence v2's `{errors: [{title}]}`,
 * v1's `{message}`, or the edge's plain text ("Client must be authenticated…").
 */
export function atlassianError(body: string): string {
  const json = parseJson(body) as Record<string, unknown> | undefined;
  if (json && typeof json === "object") {
    const parts: string[] = [];
    if (Array.isArray(json.errorMessages)) parts.push(...json.errorMessages.map(String));
    if (json.errors && typeof json.errors === "object" && !Array.isArray(json.errors)) {
      parts.push(...Object.entries(json.errors as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`));
    }
    if (Array.isArray(json.errors)) parts.push(...json.errors.map((e) => String((e as { title?: unknown }).title ?? e)));
    if (typeof json.message === "string") parts.push(json.message);
    if (parts.length) return vendorText(parts.join("; "));
  }
  return vendorText(body);
}

/** GET a "who am I" endpoint: proves the site, the email and the token together. */
export async function whoAmI(creds: AtlassianCredentials, path: string): Promise<TestResult> {
  const answer = await callVendor({ url: `${creds.domainUrl.replace(/\/$/, "")}${path}`, method: "GET", headers: atlassianHeaders(creds) });
  if ("failure" in answer) return answer.failure;
  const { status, body, durationMs } = answer.response;
  if (status !== 200) return { ok: false, status, durationMs, message: atlassianError(body) || `HTTP ${status}` };
  const me = parseJson(body) as { displayName?: string; emailAddress?: string; email?: string } | undefined;
  const who = me?.displayName ? `Connected as ${vendorText(me.displayName, 80)}` : "Connected";
  return { ok: true, status, durationMs, message: who };
}
