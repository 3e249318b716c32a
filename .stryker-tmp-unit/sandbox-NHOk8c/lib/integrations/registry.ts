// @ts-nocheck
import { confluence } from "./confluence";
import { jira } from "./jira";
import { monday } from "./monday";
import { pagerduty } from "./pagerduty";
import { slack } from "./slack";
import type { Provider, ProviderId } from "./types";
import { customWebhook } from "./custom-webhook";
import { eventsWebhook } from "./events-webhook";

/** Every provider, one line each. */
const providers: Partial<Record<ProviderId, Provider>> = {
  slack,
  jira,
  confluence,
  monday,
  pagerduty,
  "custom-webhook": customWebhook,
  "events-webhook": eventsWebhook,
};

export function getProvider(id: ProviderId): Provider | undefined {
  return providers[id];
}

export function allProviders(): Provider[] {
  return Object.values(providers);
}
