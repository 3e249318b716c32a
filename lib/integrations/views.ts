import { decryptSecrets, maskSecret } from "@/lib/crypto/secrets";
import { leadsTeam, type Principal } from "@/lib/auth/principal";
import type { IntegrationRow } from "./scope";
import type { ProviderId } from "./registry";
import type { Provider, Severity } from "./types";

export type StatusState = "not_configured" | "untested" | "connected" | "failing" | "disabled";

export type IntegrationStatus = {
  state: StatusState;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  disabledReason: string | null;
};

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
  updatedAt: string | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function statusOf(row: IntegrationRow | undefined): IntegrationStatus {
  if (!row) return { state: "not_configured", lastSuccessAt: null, lastError: null, lastErrorAt: null, disabledReason: null };
  const failing = row.lastErrorAt !== null && (row.lastSuccessAt === null || row.lastErrorAt > row.lastSuccessAt);
  const state: StatusState = !row.enabled ? "disabled" : failing ? "failing" : row.lastSuccessAt ? "connected" : "untested";
  return { state, lastSuccessAt: iso(row.lastSuccessAt), lastError: row.lastError, lastErrorAt: iso(row.lastErrorAt), disabledReason: row.disabledReason };
}

export function toView(provider: Provider, teamId: string | null, row: IntegrationRow | undefined, viewer: Principal): IntegrationView {
  const defaultMin = provider.form.defaultMinSeverity ?? "info";
  const base = { provider: provider.id as ProviderId, name: provider.name, teamId, status: statusOf(row) };
  if (!row) return { ...base, id: null, configured: false, enabled: true, minSeverity: defaultMin, settings: {}, updatedAt: null };
  const secrets = decryptSecrets(row.secrets);
  const settings: Record<string, unknown> = { ...row.settings };
  for (const field of provider.secretFields) {
    if (secrets[field] === undefined) continue;
    // Whoever manages the scope (an administrator, or the team's lead) needs the signing token to verify.
    const revealed = (teamId === null ? viewer.isAdmin : leadsTeam(viewer, teamId)) && provider.revealedSecrets?.includes(field);
    settings[field] = revealed ? secrets[field] : maskSecret(secrets[field]);
  }
  return { ...base, id: row.id, configured: true, enabled: row.enabled, minSeverity: row.minSeverity as Severity, settings, updatedAt: iso(row.updatedAt) };
}

/**
 * The REST answer: the settings fields at the top level, mirroring the PUT body (so `token` sits
 * where a webhook client looks for it), plus the grouped `settings` and the status.
 */
export function toApi(view: IntegrationView): Record<string, unknown> {
  const { settings, ...rest } = view;
  return { ...settings, ...rest, settings };
}
