import ipaddr from "ipaddr.js";

/** `OUTBOUND_ALLOW_PRIVATE=true` lets local fakes and development receivers on loopback work. */
export function outboundAllowPrivate(): boolean {
  return process.env.OUTBOUND_ALLOW_PRIVATE === "true";
}

// ipaddr.js range names, worded for the delivery log. Anything not `unicast` is refused.
const rangeWords: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT (100.64.0.0/10) address",
  uniqueLocal: "a unique-local (fc00::/7) address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
};

/** Strip the brackets of an IPv6 URL host: `[::1]` → `::1`. */
export function unbracket(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/**
 * Why we refuse to connect to `ip`, or null when it is a public unicast address. IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries.
 */
export function blockedReason(ip: string, allowPrivate = outboundAllowPrivate()): string | null {
  if (allowPrivate) return null;
  const bare = unbracket(ip).split("%")[0];
  if (!ipaddr.isValid(bare)) return `Blocked: ${bare} is not an IP address`;
  const addr = ipaddr.process(bare);
  const shown = addr.toString();
  if (shown === "169.254.169.254" || shown === "fd00:ec2::254") return `Blocked: ${shown} is the cloud metadata address`;
  const range = addr.range();
  if (range === "unicast") return null;
  return `Blocked: ${shown} is ${rangeWords[range] ?? `a reserved address (${range})`}`;
}
