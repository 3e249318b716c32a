import { z } from "zod";
import { emailField, siteUrlField, tokenField, type SettingsForm } from "./form-spec";
import type { IntegrationConfig, Provider, ProviderRuntime, TestResult } from "./types";
import type { ExtraPanel, SetupGuide } from "./ui";
import { basicAuth, parseJson, vendorText } from "./vendor-text";

// What Jira and Confluence Cloud share: Basic `email:apiToken` auth, the same settings form, the
// same setup help and the same error shapes. Client-safe; lib/integrations/atlassian-client.ts
// makes the server's calls.

export type AtlassianCredentials = { domainUrl: string; email: string; apiToken: string };

export function atlassianCredentials(config: IntegrationConfig): AtlassianCredentials {
  return {
    domainUrl: String(config.settings.domainUrl ?? ""),
    email: String(config.settings.email ?? ""),
    apiToken: config.secrets.apiToken ?? "",
  };
}

export const atlassianSchema = z.object({
  domainUrl: siteUrlField,
  email: emailField,
  apiToken: tokenField("API token"),
});

/**
 * No minimum severity: Jira gets only the tickets people create and Confluence is only read, so
 * there is nothing to filter. `settings` adds a provider's own settings (Jira's ticket sync).
 */
export function atlassianForm(emailPlaceholder: string, settings: z.ZodRawShape = {}): SettingsForm {
  return {
    schema: atlassianSchema.extend(settings),
    fields: [
      { name: "domainUrl", label: "Domain URL", type: "url", placeholder: "https://your-domain.atlassian.net" },
      { name: "email", label: "Email", type: "email", placeholder: emailPlaceholder },
      { name: "apiToken", label: "API Token", type: "text", secret: true },
    ],
  };
}

export function atlassianSetup(product: string, purpose: string): SetupGuide {
  return {
    intro: purpose,
    note: [
      `Use your ${product} site (https://your-domain.atlassian.net), the email of a ${product} user, and an `,
      { text: "Atlassian API token", href: "https://id.atlassian.com/manage-profile/security/api-tokens" },
      ".",
    ],
  };
}

type AtlassianParts = {
  product: string;
  emailPlaceholder: string;
  purpose: string;
  whoAmIPath: string;
  settings?: z.ZodRawShape;
  extras?: readonly ExtraPanel[];
};

/** What a Jira or Confluence provider declares alike: its form, setup help, site and Test. */
export function atlassianProvider({
  product,
  emailPlaceholder,
  purpose,
  whoAmIPath,
  settings,
  extras,
}: AtlassianParts) {
  return {
    form: atlassianForm(emailPlaceholder, settings),
    secretFields: ["apiToken"],
    destinationFields: ["domainUrl"],
    ui: { setup: atlassianSetup(product, purpose), extras },
    destination: (config) => atlassianCredentials(config).domainUrl,
    test: (config, runtime) => whoAmI(runtime, atlassianCredentials(config), whoAmIPath),
  } satisfies Partial<Provider>;
}

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
    if (Array.isArray(json.errors))
      parts.push(...json.errors.map((e) => String((e as { title?: unknown }).title ?? e)));
    if (typeof json.message === "string") parts.push(json.message);
    if (parts.length) return vendorText(parts.join("; "));
  }
  return vendorText(body);
}

/** GET a "who am I" endpoint: proves the site, the email and the token together. */
export async function whoAmI(runtime: ProviderRuntime, creds: AtlassianCredentials, path: string): Promise<TestResult> {
  const answer = await runtime.call({
    url: `${creds.domainUrl.replace(/\/$/, "")}${path}`,
    method: "GET",
    headers: atlassianHeaders(creds),
  });
  if ("failure" in answer) return answer.failure;
  const { status, body, durationMs } = answer.response;
  if (status !== 200) return { ok: false, status, durationMs, message: atlassianError(body) || `HTTP ${status}` };
  const me = parseJson(body) as { displayName?: string; emailAddress?: string; email?: string } | undefined;
  const who = me?.displayName ? `Connected as ${vendorText(me.displayName, 80)}` : "Connected";
  return { ok: true, status, durationMs, message: who };
}
