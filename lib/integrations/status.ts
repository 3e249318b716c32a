// The one status model of an integration, shown the same way on its section, the overview and the
// REST API. Client-safe: the browser renders the words from the same function.

export const STATUS_STATES = ["not_configured", "connected", "failing", "disabled", "paused"] as const;
export type StatusState = (typeof STATUS_STATES)[number];

export type IntegrationStatus = {
  state: StatusState;
  /** The moment the state speaks of: the last success (connected) or the first failure (failing). */
  since: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Why it is disabled ("Turned off by ann@acme.dev", "Failed continuously for 3 days…") or paused. */
  disabledReason: string | null;
};

/** The facts of one stored integration that decide its status. */
export type StatusFacts = {
  enabled: boolean;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  failingSince: Date | null;
  disabledReason: string | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * - Not configured: nothing saved at this scope.
 * - Disabled: switched off, by a person (who) or by the delivery engine (why).
 * - Paused: switched on, but it cannot send because what it depends on is missing (`pausedBecause`,
 *   e.g. a team's monday.com section while the global token is not set up or is off).
 * - Failing since…: its latest attempt (delivery or Test of the saved settings) failed.
 * - Connected: otherwise, with the time of its last success if there was one.
 */
export function statusOf(facts: StatusFacts | undefined, pausedBecause?: string | null): IntegrationStatus {
  if (!facts)
    return {
      state: "not_configured",
      since: null,
      lastSuccessAt: null,
      lastError: null,
      lastErrorAt: null,
      disabledReason: null,
    };
  const base = {
    lastSuccessAt: iso(facts.lastSuccessAt),
    lastError: facts.lastError,
    lastErrorAt: iso(facts.lastErrorAt),
    disabledReason: facts.disabledReason,
  };
  if (!facts.enabled) return { ...base, state: "disabled", since: null };
  if (pausedBecause) return { ...base, state: "paused", since: null, disabledReason: pausedBecause };
  const failedLast =
    facts.lastErrorAt !== null && (facts.lastSuccessAt === null || facts.lastErrorAt > facts.lastSuccessAt);
  if (facts.failingSince || failedLast)
    return { ...base, state: "failing", since: iso(facts.failingSince ?? facts.lastErrorAt) };
  return { ...base, state: "connected", since: iso(facts.lastSuccessAt) };
}

export const STATUS_WORDS: Record<StatusState, string> = {
  not_configured: "Not configured",
  connected: "Connected",
  failing: "Failing since",
  disabled: "Disabled",
  paused: "Paused",
};

/** The sentence under the status words: what happened last, or why nothing is sent. */
export function statusDetail(status: IntegrationStatus): string | null {
  switch (status.state) {
    case "not_configured":
      return null;
    case "connected":
      return status.lastSuccessAt ? null : "Nothing sent yet";
    case "failing":
      return status.lastError;
    case "disabled":
      return status.disabledReason ?? "Turned off; nothing is sent until it is enabled again";
    case "paused":
      return status.disabledReason;
  }
}

/** Whether something needs a person's attention (the overview lists these). */
export function needsAttention(status: IntegrationStatus): boolean {
  return (
    status.state === "failing" ||
    status.state === "paused" ||
    (status.state === "disabled" && !status.disabledReason?.startsWith("Turned off by"))
  );
}

/** Who switched an integration off, as its disabled reason says. */
export function turnedOffBy(email: string): string {
  return `Turned off by ${email}`;
}
