import type { z } from "zod";
import { confluence } from "./confluence";
import { customWebhook } from "./custom-webhook";
import { eventsWebhook } from "./events-webhook";
import type { FieldSpec } from "./form-spec";
import { jira } from "./jira";
import { monday } from "./monday";
import { pagerduty } from "./pagerduty";
import { slack } from "./slack";
import { teams } from "./teams";
import type { Provider, TicketCapability } from "./types";

/**
 * Every provider, in the page's order: the one list. Ids, forms, fan-out, scanning and the page
 * derive from it. Client-safe, like the providers themselves.
 */
export const PROVIDERS = [slack, teams, jira, confluence, monday, pagerduty, customWebhook, eventsWebhook] as const;

export type ProviderId = (typeof PROVIDERS)[number]["id"];
export const PROVIDER_IDS = PROVIDERS.map((p) => p.id) as [ProviderId, ...ProviderId[]];

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value);
}

export function getProvider(id: string): Provider | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

export function allProviders(): readonly Provider[] {
  return PROVIDERS;
}

/** The providers that have a capability, e.g. every one that sends messages. */
export function providersWith(capability: "notify" | "scan"): Provider[] {
  return PROVIDERS.filter((p: Provider) => !!p[capability]);
}

type TicketProvider = Extract<(typeof PROVIDERS)[number], { tickets: TicketCapability }>;
export type TicketProviderId = TicketProvider["id"];

/** The providers people create tickets in from issues, in the page's order. */
export function ticketProviders(): readonly TicketProvider[] {
  return PROVIDERS.filter((p): p is TicketProvider => !!p.tickets);
}

export const TICKET_PROVIDER_IDS = ticketProviders().map((p) => p.id) as [TicketProviderId, ...TicketProviderId[]];

export function isTicketProvider(id: string): id is TicketProviderId {
  return (TICKET_PROVIDER_IDS as readonly string[]).includes(id);
}

/** A ticket provider's name ("Jira", "Monday") and the words its tickets go by. */
export function ticketWords(id: TicketProviderId): TicketCapability & { name: string } {
  const provider = ticketProviders().find((p) => p.id === id)!;
  return { name: provider.name, ...provider.tickets };
}

/**
 * Whether tickets sync at a scope: a team level that borrows the global credentials (monday's)
 * syncs through the global integration.
 */
export function syncsAt(provider: Provider, teamScope: boolean): boolean {
  return !!provider.tickets && (!teamScope || !provider.teamUsesGlobalSecrets);
}

/** Whether a provider can be set up at a scope (the Custom Webhook has no team level). */
export function offeredAt(provider: Provider, teamId: string | null): boolean {
  return provider.scopes.includes(teamId === null ? "global" : "team");
}

/** The schema and fields a scope uses (monday's team level differs from its global one). */
export function formFor(
  id: ProviderId,
  teamScope: boolean,
): { schema: z.ZodObject; fields: FieldSpec[]; severityHint?: string } {
  const { schema, fields, teamSchema, teamFields, severityHint } = getProvider(id)!.form;
  if (teamScope && teamSchema) return { schema: teamSchema, fields: teamFields ?? [], severityHint };
  return { schema, fields, severityHint };
}
