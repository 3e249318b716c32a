// @ts-nocheck
import { lookup } from "node:dns/promises";

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

let current: Resolver = systemResolver;

/** Resolve a host name through the current resolver (the system's, or a test's stub). */
export function resolveHost(hostname: string): Promise<ResolvedAddress[]> {
  return current(hostname);
}

/** Tests stub DNS to prove the guard judges the resolved address; pass null to restore. */
export function setResolverForTests(resolver: Resolver | null): void {
  current = resolver ?? systemResolver;
}
