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

type IPv6 = ipaddr.IPv6;
type IPv4 = ipaddr.IPv4;

const v4 = (high: number, low: number): IPv4 => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/**
 * The IPv4 addresses an IPv6 address carries, in the forms that reach (or may be translated to)
 * them. `only`: the address is nothing but a way to reach those IPv4 addresses, so their verdict is
 * its verdict; otherwise they are judged as well as the IPv6 address itself.
 */
function embeddedIPv4(addr: IPv6): { carried: IPv4[]; only: boolean } | null {
  const p = addr.parts;
  const zeros = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  // ::ffff:0:a.b.c.d (SIIT, RFC 6145); the mapped ::ffff:a.b.c.d is already IPv4 here (ipaddr.process)
  if (zeros(0, 4) && p[4] === 0xffff && p[5] === 0) return { carried: [v4(p[6], p[7])], only: true };
  // ::a.b.c.d (IPv4-compatible, deprecated but still parsed and routed by some stacks); :: and ::1 are themselves
  if (zeros(0, 6) && (p[6] !== 0 || p[7] > 1)) return { carried: [v4(p[6], p[7])], only: true };
  // NAT64: 64:ff9b::/96 (RFC 6052) and the local-use 64:ff9b:1::/48 (RFC 8215), IPv4 in the last 32 bits
  if (p[0] === 0x64 && p[1] === 0xff9b && (zeros(2, 6) || p[2] === 1)) return { carried: [v4(p[6], p[7])], only: true };
  // 6to4: 2002:aabb:ccdd::/48
  if (p[0] === 0x2002) return { carried: [v4(p[1], p[2])], only: true };
  // Teredo: 2001:0:<server>:…:<client, inverted>
  if (p[0] === 0x2001 && p[1] === 0)
    return { carried: [v4(p[2], p[3]), v4(~p[6] & 0xffff, ~p[7] & 0xffff)], only: true };
  // ISATAP interface identifier (…:0:5efe:a.b.c.d, or 200:5efe for a global one)
  if ((p[4] & 0xfdff) === 0 && p[5] === 0x5efe) return { carried: [v4(p[6], p[7])], only: false };
  return null;
}

/** Why this address is refused, or null when it is a public unicast one. */
function refusal(addr: IPv4 | IPv6): string | null {
  const shown = addr.toString();
  if (shown === "169.254.169.254" || shown === "fd00:ec2::254") return "the cloud metadata address";
  const range = addr.range();
  if (range === "unicast") return null;
  return rangeWords[range] ?? `a reserved address (${range})`;
}

/**
 * Why we refuse to connect to `ip`, or null when it is a public unicast address. An IPv6 address
 * that carries an IPv4 one (`::ffff:127.0.0.1`, `::127.0.0.1`, NAT64, 6to4, Teredo, ISATAP) is
 * judged as the IPv4 address it carries.
 */
export function blockedReason(ip: string, allowPrivate = outboundAllowPrivate()): string | null {
  if (allowPrivate) return null;
  const bare = unbracket(ip).split("%")[0];
  if (!ipaddr.isValid(bare)) return `Blocked: ${bare} is not an IP address`;
  // An IPv4-mapped address is what the socket layer itself reports for IPv4 peers: plain IPv4.
  const addr = ipaddr.process(bare);
  if (addr.kind() === "ipv6") {
    const embedded = embeddedIPv4(addr as IPv6);
    for (const carried of embedded?.carried ?? []) {
      const why = refusal(carried);
      if (why) return `Blocked: ${addr.toString()} carries ${carried.toString()}, ${why}`;
    }
    if (embedded?.only) return null;
  }
  const why = refusal(addr);
  return why ? `Blocked: ${addr.toString()} is ${why}` : null;
}
