import type { z } from "zod";

export const PROVIDER_IDS = ["slack", "jira", "confluence", "monday", "pagerduty", "custom-webhook", "events-webhook"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];
export type Severity = "error" | "warning" | "info";

/** A stored integration with its secrets decrypted. Lives only on the server. */
export type IntegrationConfig = {
  id: string;
  provider: ProviderId;
  teamId: string | null;
  enabled: boolean;
  minSeverity: Severity;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
};

/** What the delivery engine sends for one delivery of this provider. */
export type OutboundRequest = {
  url: string;
  method?: "POST" | "PUT" | "GET";
  headers?: Record<string, string>;
  /** The exact body bytes; signed afresh at every attempt when signingToken is set. */
  body: string;
  signingToken?: string;
};

/** How a provider judges a receiver's answer. `message` is the vendor's own error text. */
export type ResponseVerdict = { ok: boolean; message?: string; disable?: boolean };

/** Per-endpoint throttle: a token bucket of `ratePerSecond` with `burst` capacity. */
export type RateLimit = { key: string; ratePerSecond: number; burst: number };

export type TestResult = { ok: boolean; status: number | null; message: string; durationMs: number; accountDomain?: string };

export interface Provider {
  id: ProviderId;
  name: string;
  /** All providers exist at team level except the Custom Webhook. */
  teamLevel: boolean;
  /** Names of settings fields that are secrets: encrypted at rest, masked to the browser. */
  secretFields: readonly string[];
  /**
   * Fields that say where the integration connects (`domainUrl`, a webhook's `url`). Changing one
   * requires every secret of the integration again in the same request: stored secrets never move
   * to a destination their owner did not type in.
   */
  destinationFields: readonly string[];
  /** The URL its Test and deliveries go to (for the audit log's host). */
  destination(config: IntegrationConfig): string;
  /** Settings schema shared by the form and the server (global scope). */
  schema: z.ZodType;
  /** Team-scope schema when it differs (monday's default workspace). */
  teamSchema?: z.ZodType;
  /** Send the provider's real test request through lib/http. */
  test(config: IntegrationConfig): Promise<TestResult>;
  /**
   * Build the HTTP request for a queued delivery's payload (for deliverable providers). `sentBody`
   * is the body fixed at the first attempt, on retries; a request that needs a vendor lookup
   * first (ticket sync's Jira transition) may answer a promise.
   */
  buildRequest?(config: IntegrationConfig, payload: unknown, sentBody?: string | null): OutboundRequest | Promise<OutboundRequest>;
  /** Judge the receiver's answer. Default: 2xx is ok. */
  judgeResponse?(status: number, body: string): ResponseVerdict;
  rateLimit?(config: IntegrationConfig): RateLimit | undefined;
  /**
   * Product-owned secrets made on first save (the webhooks' signing tokens). They are never taken
   * from a request and never change afterwards: deleting the integration is the only way to rotate.
   */
  generateSecrets?(): Record<string, string>;
  /** Secret fields shown in clear to administrators (the signing tokens); all others stay masked. */
  revealedSecrets?: readonly string[];
  /**
   * Non-secret facts learned from the vendor when the settings are saved (monday's
   * `accountDomain`). Called outside the write transaction; a failure only leaves them out.
   */
  describeAccount?(config: IntegrationConfig): Promise<Record<string, unknown>>;
  /** The team level holds no credentials of its own and borrows the global integration's (monday). */
  teamUsesGlobalSecrets?: boolean;
}
