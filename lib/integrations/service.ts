import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/query-errors";
import { integrations, integrationTests } from "@/db/schema";
import { keys } from "@/lib/config/keys";
import { audit } from "@/lib/audit/log";
import type { Principal } from "@/lib/auth/principal";
import { decryptSecrets, encryptSecrets } from "@/lib/crypto/secrets";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { errorFacts, logger } from "@/lib/log";
import { maskSecretsIn } from "@/lib/delivery/body-secrets";
import { forgetIntegration } from "@/lib/delivery/integration-configs";
import { afterSyncSave, withSyncFacts } from "@/lib/sync/integration-view";
import { allProviders, offeredAt } from "./registry";
import { providerRuntime } from "./runtime";
import { authorizeProvider, authorizeScope, findIntegration, scopeWhere, type IntegrationRow } from "./scope";
import { turnedOffBy } from "./status";
import { changedFields, parseSettingsInput } from "./settings-input";
import { toView, type IntegrationView } from "./views";
import type { IntegrationConfig, Provider, Severity, TestResult } from "./types";

export type { IntegrationView } from "./views";

/** Every provider offered at a scope, configured or not, in the page's order. */
export async function listScopeIntegrations(principal: Principal, teamId: string | null): Promise<IntegrationView[]> {
  await authorizeScope(principal, teamId);
  const offered = allProviders().filter((p) => offeredAt(p, teamId));
  // Every scope's rows: a team level that borrows the global secrets shows whether they are there.
  const rows = await db.select().from(integrations);
  const inScope = rows.filter((r) => r.teamId === teamId);
  const globalOf = (p: Provider) => rows.find((r) => r.provider === p.id && r.teamId === null) ?? null;
  return offered.map((p) =>
    toView(
      p,
      teamId,
      inScope.find((r) => r.provider === p.id),
      principal,
      { global: globalOf(p) },
    ),
  );
}

/** The configured integrations of a scope (the REST list). */
export async function listConfiguredIntegrations(
  principal: Principal,
  teamId: string | null,
): Promise<IntegrationView[]> {
  return (await listScopeIntegrations(principal, teamId)).filter((v) => v.configured);
}

export async function getIntegration(
  principal: Principal,
  providerId: string,
  teamId: string | null,
): Promise<IntegrationView> {
  const provider = await authorizeProvider(principal, providerId, teamId);
  const row = await findIntegration(db, provider.id, teamId);
  if (!row) throw new NotFoundError(`${provider.name} integration`);
  return withSyncFacts(toView(provider, teamId, row, principal, await contextOf(provider, teamId)), principal);
}

async function contextOf(provider: Provider, teamId: string | null) {
  return teamId !== null && provider.teamUsesGlobalSecrets
    ? { global: (await findIntegration(db, provider.id, null)) ?? null }
    : {};
}

function configOf(
  provider: Provider,
  teamId: string | null,
  id: string,
  settings: Record<string, unknown>,
  secrets: Record<string, string>,
  rest: { enabled: boolean; minSeverity: Severity },
): IntegrationConfig {
  return { id, provider: provider.id, teamId, settings, secrets, ...rest };
}

/** Create or replace a scope's settings. Untouched (masked) secrets keep their stored values. */
export async function saveIntegration(
  principal: Principal,
  providerId: string,
  teamId: string | null,
  input: Record<string, unknown>,
): Promise<IntegrationView> {
  try {
    return await saveIntegrationOnce(principal, providerId, teamId, input);
  } catch (error) {
    // A concurrent save created the scope's row first: this save replaces it, as a PUT does.
    if (!isUniqueViolation(error, "integrations_provider_team_uq")) throw error;
    return saveIntegrationOnce(principal, providerId, teamId, input);
  }
}

async function saveIntegrationOnce(
  principal: Principal,
  providerId: string,
  teamId: string | null,
  input: Record<string, unknown>,
): Promise<IntegrationView> {
  const provider = await authorizeProvider(principal, providerId, teamId);
  const existing = await findIntegration(db, provider.id, teamId);
  const stored = existing ? decryptSecrets(existing.secrets) : {};
  const parsed = parseSettingsInput(provider, teamId !== null, input, {
    settings: existing?.settings ?? {},
    secrets: stored,
  });
  const secrets = { ...(provider.generateSecrets?.() ?? {}), ...parsed.secrets };
  const secretChanges = changedFields(stored, secrets);
  const settingChanges = changedFields(existing?.settings ?? {}, parsed.settings).filter((k) => k in parsed.settings);
  // Ticket sync settings say what to do with tickets, not where to connect.
  const connectionChanged = !existing || secretChanges.length > 0 || settingChanges.some((k) => k !== "sync");

  let settings = parsed.settings;
  if (!connectionChanged) {
    // Facts learned from the vendor (monday's accountDomain) stay while the credentials do.
    settings = { ...existing.settings, ...parsed.settings };
  } else if (provider.describeAccount) {
    const enabled = parsed.enabled ?? true;
    const probe = configOf(provider, teamId, existing?.id ?? "", settings, secrets, {
      enabled,
      minSeverity: parsed.minSeverity ?? "info",
    });
    settings = { ...settings, ...(await provider.describeAccount(probe, providerRuntime).catch(() => ({}))) };
  }
  if (existing?.settings.sync !== undefined && !("sync" in settings))
    settings = { ...settings, sync: existing.settings.sync };
  const enabled = parsed.enabled ?? (connectionChanged ? true : existing.enabled);
  const minSeverity =
    parsed.minSeverity ?? (existing?.minSeverity as Severity | undefined) ?? provider.form.defaultMinSeverity ?? "info";

  // New credentials have not been proven yet, unless a Test of exactly these settings just was.
  const tested = connectionChanged ? await testedOutcome(db, provider, teamId, parsed) : null;
  const values = {
    enabled,
    minSeverity,
    settings,
    secrets: Object.keys(secrets).length ? encryptSecrets(secrets) : null,
    updatedAt: new Date(),
    // A re-enabled integration starts clean; one a person switches off says who did.
    ...(enabled
      ? { disabledReason: null }
      : existing?.enabled !== false
        ? { disabledReason: turnedOffBy(principal.email) }
        : {}),
    ...(connectionChanged
      ? { lastSuccessAt: null, lastError: null, lastErrorAt: null, failingSince: null, ...tested }
      : {}),
  };
  const row = await db.transaction(async (tx) => {
    await tx.delete(integrationTests).where(testScope(provider.id, teamId));
    const [saved] = existing
      ? await tx.update(integrations).set(values).where(eq(integrations.id, existing.id)).returning()
      : await tx
          .insert(integrations)
          .values({ provider: provider.id, teamId, ...values })
          .returning();
    const fields: Record<string, unknown> = {};
    for (const k of secretChanges) fields[k] = "changed";
    for (const k of settingChanges) fields[k] = settings[k];
    if (!existing || existing.enabled !== enabled) fields.enabled = enabled;
    if (!existing || existing.minSeverity !== minSeverity) fields.minSeverity = minSeverity;
    await audit(tx, principal, {
      action: existing ? "integration.updated" : "integration.created",
      targetType: "integration",
      targetId: saved.id,
      teamId,
      details: { provider: provider.id, scope: teamId === null ? "global" : "team", fields },
    });
    return saved;
  });
  // loadIntegrations caches for a second; ticket sync reads the new settings at once.
  forgetIntegration(row.id);
  const view = toView(provider, teamId, row, principal, await contextOf(provider, teamId));
  await afterSyncSave(view);
  return withSyncFacts(view, principal);
}

export async function deleteIntegration(
  principal: Principal,
  providerId: string,
  teamId: string | null,
): Promise<void> {
  const provider = await authorizeProvider(principal, providerId, teamId);
  await db.transaction(async (tx) => {
    const row = await findIntegration(tx, provider.id, teamId);
    if (!row) throw new NotFoundError(`${provider.name} integration`);
    await tx.delete(integrations).where(eq(integrations.id, row.id));
    await audit(tx, principal, {
      action: "integration.deleted",
      targetType: "integration",
      targetId: row.id,
      teamId,
      details: { provider: provider.id, scope: teamId === null ? "global" : "team" },
    });
  });
}

/**
 * Run the provider's Test on the saved settings, or on unsaved edits when `input` has any. The
 * result becomes the integration's status only when it tested exactly what is saved.
 */
export async function testIntegration(
  principal: Principal,
  providerId: string,
  teamId: string | null,
  input?: Record<string, unknown>,
): Promise<TestResult> {
  const provider = await authorizeProvider(principal, providerId, teamId);
  const existing = await findIntegration(db, provider.id, teamId);
  const stored = existing ? decryptSecrets(existing.secrets) : {};
  const edits = input && Object.keys(input).some((k) => k !== "enabled" && k !== "minSeverity") ? input : undefined;
  if (!existing && !edits) throw new NotFoundError(`${provider.name} integration`);
  const parsed = edits
    ? parseSettingsInput(provider, teamId !== null, edits, { settings: existing?.settings ?? {}, secrets: stored })
    : { settings: existing!.settings, secrets: stored };
  const secrets = { ...(provider.generateSecrets?.() ?? {}), ...parsed.secrets };
  const settings = { ...(existing?.settings ?? {}), ...parsed.settings };
  const unchanged =
    !!existing &&
    changedFields(stored, secrets).length === 0 &&
    changedFields(existing.settings, settings).length === 0;

  let testSecrets = secrets;
  if (teamId !== null && provider.teamUsesGlobalSecrets) {
    const global = await findIntegration(db, provider.id, null);
    if (!global)
      throw new ValidationError(`Set up the global ${provider.name} integration first; teams use its API token`);
    testSecrets = { ...decryptSecrets(global.secrets), ...secrets };
  }
  const config = configOf(provider, teamId, existing?.id ?? "", settings, testSecrets, {
    enabled: existing?.enabled ?? true,
    minSeverity: (existing?.minSeverity as Severity | undefined) ?? "info",
  });
  const result = await provider.test(config, providerRuntime).catch((error: unknown): TestResult => {
    logger().error({ provider: provider.id, err: errorFacts(error) }, "integrations: test crashed");
    return { ok: false, status: null, message: "The test could not run", durationMs: 0 };
  });
  // The status has its own field; the message is the receiver's words ("HTTP 401: bad sig" → "bad sig").
  const message = testedMessage(result.message, testSecrets) || (result.ok ? "OK" : "No reason given");
  const answer: TestResult = {
    ok: result.ok,
    status: result.status,
    message,
    durationMs: result.durationMs,
    ...(result.accountDomain ? { accountDomain: result.accountDomain } : {}),
  };
  if (unchanged && existing) await recordTestOutcome(existing, answer);
  else if (edits) await rememberTest(provider, teamId, parsed, answer);
  await audit(db, principal, {
    action: "integration.tested",
    targetType: "integration",
    targetId: existing?.id ?? null,
    teamId,
    details: {
      provider: provider.id,
      scope: teamId === null ? "global" : "team",
      host: hostOf(provider.destination(config)),
      unsavedEdits: !unchanged,
      ok: answer.ok,
      status: answer.status,
    },
  });
  return answer;
}

/**
 * The receiver's words without the prefix of its status ("HTTP 401: bad sig" → "bad sig"), and
 * with every secret the Test sent masked: a receiver may quote what it got (a routing key, a
 * token). A vendor's quote of the credential a call sent (a Basic one, say) is masked already, in
 * callVendor.
 */
function testedMessage(text: string, secrets: Record<string, string>): string {
  const words = text.replace(/^HTTP \d{3}(: |$)/, "").replace(/\s*\(HTTP \d{3}\)$/, "");
  return maskSecretsIn(words, secrets) ?? "";
}

/** Where a Test went, for the audit log: the host alone, as a URL's path or query may hold a secret. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(no valid URL)";
  }
}

async function recordTestOutcome(row: IntegrationRow, result: TestResult): Promise<void> {
  const now = new Date();
  const learned =
    result.accountDomain && row.teamId === null
      ? { settings: { ...row.settings, accountDomain: result.accountDomain } }
      : {};
  const outcome = result.ok
    ? { lastSuccessAt: now, failingSince: null, ...learned }
    : { lastError: testError(result), lastErrorAt: now, failingSince: row.failingSince ?? now };
  await db.update(integrations).set(outcome).where(eq(integrations.id, row.id));
}

const testError = (result: TestResult) => `${result.status ? `HTTP ${result.status}: ` : ""}${result.message}`;

/** How long a Test of unsaved settings speaks for a Save of the same settings. */
const TEST_CARRIES_MS = 30 * 60_000;

function testScope(provider: Provider["id"], teamId: string | null) {
  return scopeWhere(provider, teamId, integrationTests);
}

/**
 * What a Test or Save is about, as an HMAC under SECRETS_KEY: equal settings give equal
 * fingerprints, and the fingerprint tells nothing about the values. Generated signing tokens are
 * left out (a Test of a new webhook makes a throwaway one).
 */
function fingerprint(
  provider: Provider,
  teamId: string | null,
  parsed: { settings: Record<string, unknown>; secrets: Record<string, string> },
): string {
  const generated = new Set(Object.keys(provider.generateSecrets?.() ?? {}));
  const sorted = (o: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(o)
        .filter(([k]) => !generated.has(k))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  const canonical = JSON.stringify([provider.id, teamId, sorted(parsed.settings), sorted(parsed.secrets)]);
  return createHmac("sha256", keys().secretsKey).update(canonical).digest("hex");
}

async function rememberTest(
  provider: Provider,
  teamId: string | null,
  parsed: { settings: Record<string, unknown>; secrets: Record<string, string> },
  result: TestResult,
) {
  const row = {
    provider: provider.id,
    teamId,
    fingerprint: fingerprint(provider, teamId, parsed),
    at: new Date(),
    ok: result.ok,
    error: result.ok ? null : testError(result),
  };
  await db
    .insert(integrationTests)
    .values(row)
    .onConflictDoUpdate({
      target: [integrationTests.provider, integrationTests.teamId],
      set: { fingerprint: row.fingerprint, at: row.at, ok: row.ok, error: row.error },
    });
}

/** The status a Save inherits from a recent Test of exactly the settings it saves, if there was one. */
async function testedOutcome(
  executor: Executor,
  provider: Provider,
  teamId: string | null,
  parsed: { settings: Record<string, unknown>; secrets: Record<string, string> },
) {
  const [test] = await executor.select().from(integrationTests).where(testScope(provider.id, teamId));
  if (
    !test ||
    test.fingerprint !== fingerprint(provider, teamId, parsed) ||
    Date.now() - test.at.getTime() > TEST_CARRIES_MS
  )
    return null;
  return test.ok ? { lastSuccessAt: test.at } : { lastError: test.error, lastErrorAt: test.at, failingSince: test.at };
}
