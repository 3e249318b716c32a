import { decryptSecrets, maskSecret } from "@/lib/crypto/secrets";
import { managesScope, type Principal } from "@/lib/auth/principal";
import { displayDestination } from "./destination";
import type { ProviderId } from "./registry";
import type { IntegrationRow } from "./scope";
import { statusOf, type IntegrationStatus } from "./status";
import type { IntegrationConfig, Provider, Severity } from "./types";

export type { IntegrationStatus, StatusState } from "./status";

/** What leaves the server about one integration: secrets masked (webhook tokens in clear for admins). */
export type IntegrationView = {
  id: string | null;
  provider: ProviderId;
  name: string;
  teamId: string | null;
  configured: boolean;
  enabled: boolean;
  minSeverity: Severity;
  settings: Record<string, unknown>;
  status: IntegrationStatus;
  /** Where it sends, safe to show: host and path with secret parts elided (lib/integrations/destination). */
  destination: string | null;
  updatedAt: string | null;
  /** Jira, Confluence, monday: the product's receiver, secret included (lib/sync/integration-view.ts). */
  hookUrl?: string;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What else decides a view: the global integration, for a team level that borrows its secrets. */
export type ViewContext = { global?: IntegrationRow | null };

/** Why a team's integration cannot send although it is on: it borrows a global token that is missing or off. */
export function pausedBecause(provider: Provider, row: IntegrationRow, context: ViewContext): string | null {
  if (row.teamId === null || !provider.teamUsesGlobalSecrets || context.global === undefined) return null;
  if (!context.global) return `Waiting for the global ${provider.name} integration: teams use its API token`;
  if (!context.global.enabled) return `The global ${provider.name} integration is disabled: teams use its API token`;
  return null;
}

function destinationOf(
  provider: Provider,
  row: IntegrationRow,
  secrets: Record<string, string>,
  context: ViewContext,
): string | null {
  // A fact the vendor told us (monday's account domain) says more than its API's address.
  const account = row.settings.accountDomain ?? context.global?.settings.accountDomain;
  if (typeof account === "string" && account) return account;
  const config: IntegrationConfig = {
    id: row.id,
    provider: provider.id,
    teamId: row.teamId,
    enabled: row.enabled,
    minSeverity: row.minSeverity as Severity,
    settings: row.settings,
    secrets,
  };
  try {
    return displayDestination(provider.destination(config));
  } catch {
    return null;
  }
}

export function toView(
  provider: Provider,
  teamId: string | null,
  row: IntegrationRow | undefined,
  viewer: Principal,
  context: ViewContext = {},
): IntegrationView {
  const defaultMin = provider.form.defaultMinSeverity ?? "info";
  const base = { provider: provider.id as ProviderId, name: provider.name, teamId };
  if (!row)
    return {
      ...base,
      status: statusOf(undefined),
      destination: null,
      id: null,
      configured: false,
      enabled: true,
      minSeverity: defaultMin,
      settings: {},
      updatedAt: null,
    };
  const secrets = decryptSecrets(row.secrets);
  const settings: Record<string, unknown> = { ...row.settings };
  for (const field of provider.secretFields) {
    if (secrets[field] === undefined) continue;
    // Whoever manages the scope (an administrator, or the team's lead) needs the signing token to verify.
    const revealed = managesScope(viewer, teamId) && provider.revealedSecrets?.includes(field);
    settings[field] = revealed ? secrets[field] : maskSecret(secrets[field]);
  }
  return {
    ...base,
    status: statusOf(row, pausedBecause(provider, row, context)),
    destination: destinationOf(provider, row, secrets, context),
    id: row.id,
    configured: true,
    enabled: row.enabled,
    minSeverity: row.minSeverity as Severity,
    settings,
    updatedAt: iso(row.updatedAt),
  };
}

/**
 * The REST answer: the settings fields at the top level, mirroring the PUT body (so `token` sits
 * where a webhook client looks for it), plus the grouped `settings` and the status.
 */
export function toApi(view: IntegrationView): Record<string, unknown> {
  const { settings, ...rest } = view;
  return { ...settings, ...rest, settings };
}
