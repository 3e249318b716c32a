import type { Provider, ProviderId } from "./types";

/** Every provider, one line each. */
const providers: Partial<Record<ProviderId, Provider>> = {};

export function getProvider(id: ProviderId): Provider | undefined {
  return providers[id];
}

export function allProviders(): Provider[] {
  return Object.values(providers);
}
