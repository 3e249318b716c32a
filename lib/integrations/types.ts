import type { OutboundHttpRequest } from "@/lib/http/client";
import type { ChangeSet, IssueSummary } from "@/lib/notifications/changes";
import type { RateLimit } from "@/lib/rate-limit/bucket";
import type { Severity } from "@/lib/severity";
import type { SettingsForm } from "./form-spec";
import type { ProviderUi } from "./ui";

// A provider declares everything the product does with it in one object (its folder's index.ts);
// lib/integrations/registry.ts lists them. The objects are client-safe: whatever needs the server
// (an HTTP call, the delivery path) is handed to them as a ProviderRuntime.

export type { RateLimit, Severity };
export type { ProviderId } from "./registry";

/** A stored integration with its secrets decrypted. Lives only on the server. */
export type IntegrationConfig = {
  id: string;
  provider: string;
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

export type TestResult = {
  ok: boolean;
  status: number | null;
  message: string;
  durationMs: number;
  accountDomain?: string;
};

/** A vendor call's outcome: any HTTP answer, or no answer at all as a failed TestResult in words. */
export type VendorAnswer =
  | { response: { status: number; headers: Record<string, string>; body: string; durationMs: number } }
  | { failure: TestResult };

/** One vendor request through lib/http (SSRF guard, timeouts, no redirects). */
export type VendorCall = (request: OutboundHttpRequest) => Promise<VendorAnswer>;

/** The server's services a provider may use, passed in so that the provider itself stays client-safe. */
export type ProviderRuntime = {
  call: VendorCall;
  /** Send a payload now through the real delivery path (build, sign, send, judge, log), as a Test. */
  deliverNow(config: IntegrationConfig, payload: unknown): Promise<TestResult>;
};

/** One thing a change makes a provider send: a delivery, or a change event to coalesce with others. */
export type Outgoing =
  | {
      kind: string;
      payload: unknown;
      /** Send once every earlier delivery of the integration has settled. */ afterEarlier?: boolean;
    }
  | { event: string; ids: string[] };

export type ProviderCategory = "messaging" | "ticketing" | "scanning" | "alerting" | "webhook";
export type Scope = "global" | "team";

/** A provider whose content is scanned for secrets (lib/scanning runs the scans). */
export type ScanCapability = {
  /** What to scan from one of the vendor's webhook events: a ticket key, a page id; undefined to ignore it. */
  hookTarget(event: unknown): string | undefined;
  /** Words for the scan panel: what a scan walks (`projects`), what it reads (`issues`), where its webhook is registered. */
  words: { units: string; items: string; hookHelp: string };
};

/**
 * A provider people create tickets in from issues, and whose tickets then follow the issues (ticket
 * sync). These are the words the shared screens and messages use for it, so none of them names a tool.
 */
export type TicketCapability = {
  /** The tool as the sync panel and sync comments name it: "Jira", "monday". */
  tool: string;
  /** What one of its tickets is called: "ticket", "item"; `Create ${name} ${noun}` is its button. */
  noun: string;
  plural: string;
  /** Said before a key where the key alone is not clearly the tool's: monday's "item 123" (Jira's "SEC-1" is). */
  keyPrefix: string;
  /** The ticket sync form's words for where a resolved issue moves its ticket, and what counts as done. */
  sync: { doneHint: string; onResolveLabel: string };
  /** Its own webhook for status changes, shown in the sync form, subscribed per container ("board"). */
  statusHook?: { label: string; hint: string; container: string; containers: string };
};

export interface Provider {
  id: string;
  name: string;
  /** An image under public/, when the provider has one. */
  logo?: string;
  category: ProviderCategory;
  /** Where it can be set up: every provider exists globally; most also per team. */
  scopes: readonly Scope[];
  /** Labels, fields and the zod schema that the browser's form and the server both use. */
  form: SettingsForm;
  /** Names of settings fields that are secrets: encrypted at rest, masked to the browser. */
  secretFields: readonly string[];
  /**
   * Fields that say where the integration connects (`domainUrl`, a webhook's `url`). Changing one
   * requires every secret of the integration again in the same request: stored secrets never move
   * to a destination their owner did not type in.
   */
  destinationFields: readonly string[];
  /** Secret fields shown in clear to whoever manages the scope (the signing tokens); all others stay masked. */
  revealedSecrets?: readonly string[];
  /** The team level holds no credentials of its own and borrows the global integration's (monday). */
  teamUsesGlobalSecrets?: boolean;
  /** Client-safe pieces of its card, as data: setup steps, a summary line, extra panels. */
  ui?: ProviderUi;

  /** The URL its Test and deliveries go to (for the audit log's host). */
  destination(config: IntegrationConfig): string;
  /** The provider's real test request. */
  test(config: IntegrationConfig, runtime: ProviderRuntime): Promise<TestResult>;
  /** A destination: what a change makes an integration of this provider send, given its minimum severity. */
  notify?(change: ChangeSet, minSeverity: Severity): Outgoing[];
  /**
   * An alerting provider whose alerts stay open until resolved (PagerDuty). Each Outgoing of
   * notify that `opens` an issue's alert is recorded as open at the integration; when the issue is
   * resolved, ignored or deleted, the fan-out sends `resolve` to each integration holding its alert,
   * whatever its team or minimum severity is by then (lib/notifications/fan-out closeAlerts).
   */
  openAlerts?: {
    opens(out: Outgoing): string | undefined;
    resolve(issue: IssueSummary): { kind: string; payload: unknown };
  };
  /**
   * The HTTP request for a queued delivery's payload (every provider with notify has one, and the
   * ticketing providers for ticket sync). `sentBody` is the body fixed at the first attempt, on
   * retries; a request that needs a vendor lookup first (a Jira transition) makes it through
   * `call` and answers a promise.
   */
  buildRequest?(
    config: IntegrationConfig,
    payload: unknown,
    sentBody: string | null,
    call: VendorCall,
  ): OutboundRequest | Promise<OutboundRequest>;
  /** Judge the receiver's answer. Default: 2xx is ok, 410 disables. */
  judgeResponse?(status: number, body: string): ResponseVerdict;
  rateLimit?(config: IntegrationConfig): RateLimit | undefined;
  scan?: ScanCapability;
  /** People create tickets or items from issues (lib/tickets), and ticket sync keeps them in step. */
  tickets?: TicketCapability;
  /**
   * Product-owned secrets made on first save (the webhooks' signing tokens). They are never taken
   * from a request and never change afterwards: deleting the integration is the only way to rotate.
   */
  generateSecrets?(): Record<string, string>;
  /**
   * Non-secret facts learned from the vendor when the settings are saved (monday's
   * `accountDomain`). Called outside the write transaction; a failure only leaves them out.
   */
  describeAccount?(config: IntegrationConfig, runtime: ProviderRuntime): Promise<Record<string, unknown>>;
}

/**
 * Keeps a provider's literal id, and whether it has tickets, in its type, so the registry can derive
 * ProviderId and TicketProviderId.
 */
export function defineProvider<const Id extends string, T extends TicketCapability | undefined = undefined>(
  provider: Provider & { id: Id; tickets?: T },
): Provider & { id: Id; tickets: T } {
  return provider as Provider & { id: Id; tickets: T };
}
