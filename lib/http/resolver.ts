import net from "node:net";
import { lookup, Resolver as DnsResolver } from "node:dns/promises";

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;
/** How many seconds DNS says an answer for the name may be kept; null when it does not say. */
export type TtlOf = (hostname: string) => Promise<number | null>;

/** Longest an answer is kept, whatever its TTL. */
const MAX_TTL_SECONDS = 300;
const MAX_HOSTS = 1000;

/**
 * Answers per host name, kept as long as DNS allows. The answer itself comes from `resolve` (the
 * system's lookup: hosts file, nsswitch, as every other program on the machine); its TTL, asked
 * of DNS beside it, decides how long it is kept, and a name DNS gives no TTL for (the hosts file,
 * a resolver that failed) is not kept at all. Asking for the TTL never delays the answer. Only
 * the lookup is cached: the guard judges every answer at every connect, and the connected
 * address again after connecting (connector.ts).
 */
export class DnsCache {
  private readonly entries = new Map<string, { answers: ResolvedAddress[]; until: number }>();
  private readonly inFlight = new Map<string, Promise<ResolvedAddress[]>>();

  constructor(
    private readonly resolve: Resolver,
    private readonly ttlOf: TtlOf,
    private readonly now: () => number = Date.now,
  ) {}

  lookup(hostname: string): Promise<ResolvedAddress[]> {
    const hit = this.entries.get(hostname);
    if (hit && hit.until > this.now()) return Promise.resolve(hit.answers);
    if (hit) this.entries.delete(hostname);
    let pending = this.inFlight.get(hostname);
    if (!pending) {
      pending = this.fetch(hostname).finally(() => this.inFlight.delete(hostname));
      this.inFlight.set(hostname, pending);
    }
    return pending;
  }

  /** Names held now (tests). */
  get size(): number {
    return this.entries.size;
  }

  private async fetch(hostname: string): Promise<ResolvedAddress[]> {
    const asked = this.now();
    // Stryker disable next-line ArrowFunction: null or undefined, a TTL that could not be learnt keeps nothing
    const ttl = this.ttlOf(hostname).catch(() => null);
    const answers = await this.resolve(hostname);
    void ttl.then((seconds) => {
      if (!seconds || seconds <= 0 || answers.length === 0) return;
      if (this.entries.size >= MAX_HOSTS) this.entries.clear();
      this.entries.set(hostname, { answers, until: asked + Math.min(seconds, MAX_TTL_SECONDS) * 1000 });
    });
    return answers;
  }
}

const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

// One try, 2 s at most: the TTL only decides whether the next lookup can be skipped.
// Stryker disable next-line ObjectLiteral: how long the TTL question may take, never what the lookup answers
const dns = new DnsResolver({ timeout: 2000, tries: 1 });
const systemTtl: TtlOf = async (hostname) => {
  if (net.isIP(hostname) || hostname === "localhost" || hostname.endsWith(".localhost")) return null;
  const found = await Promise.allSettled([
    dns.resolve4(hostname, { ttl: true }),
    dns.resolve6(hostname, { ttl: true }),
  ]);
  const ttls = found.flatMap((f) => (f.status === "fulfilled" ? f.value.map((a) => a.ttl) : []));
  return ttls.length ? Math.min(...ttls) : null;
};

const holder = globalThis as unknown as { __csDnsCache?: DnsCache };
const cached: Resolver = (hostname) =>
  (holder.__csDnsCache ??= new DnsCache(systemResolver, systemTtl)).lookup(hostname);

let current: Resolver = cached;

/** Resolve a host name through the current resolver (the system's, cached per TTL, or a test's stub). */
export function resolveHost(hostname: string): Promise<ResolvedAddress[]> {
  return current(hostname);
}

/** Tests stub DNS to prove the guard judges the resolved address; pass null to restore. */
export function setResolverForTests(resolver: Resolver | null): void {
  current = resolver ?? cached;
}
