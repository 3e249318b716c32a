// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import ipaddr from "ipaddr.js";

/** `OUTBOUND_ALLOW_PRIVATE=true` lets local fakes and development receivers on loopback work. */
export function outboundAllowPrivate(): boolean {
  if (stryMutAct_9fa48("107")) {
    {}
  } else {
    stryCov_9fa48("107");
    return stryMutAct_9fa48("110") ? process.env.OUTBOUND_ALLOW_PRIVATE !== "true" : stryMutAct_9fa48("109") ? false : stryMutAct_9fa48("108") ? true : (stryCov_9fa48("108", "109", "110"), process.env.OUTBOUND_ALLOW_PRIVATE === (stryMutAct_9fa48("111") ? "" : (stryCov_9fa48("111"), "true")));
  }
}

// ipaddr.js range names, worded for the delivery log. Anything not `unicast` is refused.
const rangeWords: Record<string, string> = stryMutAct_9fa48("112") ? {} : (stryCov_9fa48("112"), {
  loopback: stryMutAct_9fa48("113") ? "" : (stryCov_9fa48("113"), "a loopback address"),
  private: stryMutAct_9fa48("114") ? "" : (stryCov_9fa48("114"), "a private address"),
  linkLocal: stryMutAct_9fa48("115") ? "" : (stryCov_9fa48("115"), "a link-local address"),
  carrierGradeNat: stryMutAct_9fa48("116") ? "" : (stryCov_9fa48("116"), "a carrier-grade NAT (100.64.0.0/10) address"),
  uniqueLocal: stryMutAct_9fa48("117") ? "" : (stryCov_9fa48("117"), "a unique-local (fc00::/7) address"),
  unspecified: stryMutAct_9fa48("118") ? "" : (stryCov_9fa48("118"), "an unspecified address"),
  multicast: stryMutAct_9fa48("119") ? "" : (stryCov_9fa48("119"), "a multicast address"),
  broadcast: stryMutAct_9fa48("120") ? "" : (stryCov_9fa48("120"), "a broadcast address")
});

/** Strip the brackets of an IPv6 URL host: `[::1]` → `::1`. */
export function unbracket(host: string): string {
  if (stryMutAct_9fa48("121")) {
    {}
  } else {
    stryCov_9fa48("121");
    return (stryMutAct_9fa48("124") ? host.startsWith("[") || host.endsWith("]") : stryMutAct_9fa48("123") ? false : stryMutAct_9fa48("122") ? true : (stryCov_9fa48("122", "123", "124"), (stryMutAct_9fa48("125") ? host.endsWith("[") : (stryCov_9fa48("125"), host.startsWith(stryMutAct_9fa48("126") ? "" : (stryCov_9fa48("126"), "[")))) && (stryMutAct_9fa48("127") ? host.startsWith("]") : (stryCov_9fa48("127"), host.endsWith(stryMutAct_9fa48("128") ? "" : (stryCov_9fa48("128"), "]")))))) ? stryMutAct_9fa48("129") ? host : (stryCov_9fa48("129"), host.slice(1, stryMutAct_9fa48("130") ? +1 : (stryCov_9fa48("130"), -1))) : host;
  }
}
type IPv6 = ipaddr.IPv6;
type IPv4 = ipaddr.IPv4;
const v4 = stryMutAct_9fa48("131") ? () => undefined : (stryCov_9fa48("131"), (() => {
  const v4 = (high: number, low: number): IPv4 => new ipaddr.IPv4(stryMutAct_9fa48("132") ? [] : (stryCov_9fa48("132"), [high >> 8, high & 0xff, low >> 8, low & 0xff]));
  return v4;
})());

/**
 * The IPv4 addresses an IPv6 address carries, in the forms that reach (or may be translated to)
 * them. `only`: the address is nothing but a way to reach those IPv4 addresses, so their verdict is
 * its verdict; otherwise they are judged as well as the IPv6 address itself.
 */
function embeddedIPv4(addr: IPv6): {
  carried: IPv4[];
  only: boolean;
} | null {
  if (stryMutAct_9fa48("133")) {
    {}
  } else {
    stryCov_9fa48("133");
    const p = addr.parts;
    const zeros = stryMutAct_9fa48("134") ? () => undefined : (stryCov_9fa48("134"), (() => {
      const zeros = (from: number, to: number) => stryMutAct_9fa48("136") ? p.every(x => x === 0) : stryMutAct_9fa48("135") ? p.slice(from, to).some(x => x === 0) : (stryCov_9fa48("135", "136"), p.slice(from, to).every(stryMutAct_9fa48("137") ? () => undefined : (stryCov_9fa48("137"), x => stryMutAct_9fa48("140") ? x !== 0 : stryMutAct_9fa48("139") ? false : stryMutAct_9fa48("138") ? true : (stryCov_9fa48("138", "139", "140"), x === 0))));
      return zeros;
    })());
    // ::ffff:0:a.b.c.d (SIIT, RFC 6145); the mapped ::ffff:a.b.c.d is already IPv4 here (ipaddr.process)
    if (stryMutAct_9fa48("143") ? zeros(0, 4) && p[4] === 0xffff || p[5] === 0 : stryMutAct_9fa48("142") ? false : stryMutAct_9fa48("141") ? true : (stryCov_9fa48("141", "142", "143"), (stryMutAct_9fa48("145") ? zeros(0, 4) || p[4] === 0xffff : stryMutAct_9fa48("144") ? true : (stryCov_9fa48("144", "145"), zeros(0, 4) && (stryMutAct_9fa48("147") ? p[4] !== 0xffff : stryMutAct_9fa48("146") ? true : (stryCov_9fa48("146", "147"), p[4] === 0xffff)))) && (stryMutAct_9fa48("149") ? p[5] !== 0 : stryMutAct_9fa48("148") ? true : (stryCov_9fa48("148", "149"), p[5] === 0)))) return stryMutAct_9fa48("150") ? {} : (stryCov_9fa48("150"), {
      carried: stryMutAct_9fa48("151") ? [] : (stryCov_9fa48("151"), [v4(p[6], p[7])]),
      only: stryMutAct_9fa48("152") ? false : (stryCov_9fa48("152"), true)
    });
    // ::a.b.c.d (IPv4-compatible, deprecated but still parsed and routed by some stacks); :: and ::1 are themselves
    if (stryMutAct_9fa48("155") ? zeros(0, 6) || p[6] !== 0 || p[7] > 1 : stryMutAct_9fa48("154") ? false : stryMutAct_9fa48("153") ? true : (stryCov_9fa48("153", "154", "155"), zeros(0, 6) && (stryMutAct_9fa48("157") ? p[6] !== 0 && p[7] > 1 : stryMutAct_9fa48("156") ? true : (stryCov_9fa48("156", "157"), (stryMutAct_9fa48("159") ? p[6] === 0 : stryMutAct_9fa48("158") ? false : (stryCov_9fa48("158", "159"), p[6] !== 0)) || (stryMutAct_9fa48("162") ? p[7] <= 1 : stryMutAct_9fa48("161") ? p[7] >= 1 : stryMutAct_9fa48("160") ? false : (stryCov_9fa48("160", "161", "162"), p[7] > 1)))))) return stryMutAct_9fa48("163") ? {} : (stryCov_9fa48("163"), {
      carried: stryMutAct_9fa48("164") ? [] : (stryCov_9fa48("164"), [v4(p[6], p[7])]),
      only: stryMutAct_9fa48("165") ? false : (stryCov_9fa48("165"), true)
    });
    // NAT64: 64:ff9b::/96 (RFC 6052) and the local-use 64:ff9b:1::/48 (RFC 8215), IPv4 in the last 32 bits
    if (stryMutAct_9fa48("168") ? p[0] === 0x64 && p[1] === 0xff9b || zeros(2, 6) || p[2] === 1 : stryMutAct_9fa48("167") ? false : stryMutAct_9fa48("166") ? true : (stryCov_9fa48("166", "167", "168"), (stryMutAct_9fa48("170") ? p[0] === 0x64 || p[1] === 0xff9b : stryMutAct_9fa48("169") ? true : (stryCov_9fa48("169", "170"), (stryMutAct_9fa48("172") ? p[0] !== 0x64 : stryMutAct_9fa48("171") ? true : (stryCov_9fa48("171", "172"), p[0] === 0x64)) && (stryMutAct_9fa48("174") ? p[1] !== 0xff9b : stryMutAct_9fa48("173") ? true : (stryCov_9fa48("173", "174"), p[1] === 0xff9b)))) && (stryMutAct_9fa48("176") ? zeros(2, 6) && p[2] === 1 : stryMutAct_9fa48("175") ? true : (stryCov_9fa48("175", "176"), zeros(2, 6) || (stryMutAct_9fa48("178") ? p[2] !== 1 : stryMutAct_9fa48("177") ? false : (stryCov_9fa48("177", "178"), p[2] === 1)))))) return stryMutAct_9fa48("179") ? {} : (stryCov_9fa48("179"), {
      carried: stryMutAct_9fa48("180") ? [] : (stryCov_9fa48("180"), [v4(p[6], p[7])]),
      only: stryMutAct_9fa48("181") ? false : (stryCov_9fa48("181"), true)
    });
    // 6to4: 2002:aabb:ccdd::/48
    if (stryMutAct_9fa48("184") ? p[0] !== 0x2002 : stryMutAct_9fa48("183") ? false : stryMutAct_9fa48("182") ? true : (stryCov_9fa48("182", "183", "184"), p[0] === 0x2002)) return stryMutAct_9fa48("185") ? {} : (stryCov_9fa48("185"), {
      carried: stryMutAct_9fa48("186") ? [] : (stryCov_9fa48("186"), [v4(p[1], p[2])]),
      only: stryMutAct_9fa48("187") ? false : (stryCov_9fa48("187"), true)
    });
    // Teredo: 2001:0:<server>:…:<client, inverted>
    if (stryMutAct_9fa48("190") ? p[0] === 0x2001 || p[1] === 0 : stryMutAct_9fa48("189") ? false : stryMutAct_9fa48("188") ? true : (stryCov_9fa48("188", "189", "190"), (stryMutAct_9fa48("192") ? p[0] !== 0x2001 : stryMutAct_9fa48("191") ? true : (stryCov_9fa48("191", "192"), p[0] === 0x2001)) && (stryMutAct_9fa48("194") ? p[1] !== 0 : stryMutAct_9fa48("193") ? true : (stryCov_9fa48("193", "194"), p[1] === 0)))) return stryMutAct_9fa48("195") ? {} : (stryCov_9fa48("195"), {
      carried: stryMutAct_9fa48("196") ? [] : (stryCov_9fa48("196"), [v4(p[2], p[3]), v4((stryMutAct_9fa48("197") ? p[6] : (stryCov_9fa48("197"), ~p[6])) & 0xffff, (stryMutAct_9fa48("198") ? p[7] : (stryCov_9fa48("198"), ~p[7])) & 0xffff)]),
      only: stryMutAct_9fa48("199") ? false : (stryCov_9fa48("199"), true)
    });
    // ISATAP interface identifier (…:0:5efe:a.b.c.d, or 200:5efe for a global one)
    if (stryMutAct_9fa48("202") ? (p[4] & 0xfdff) === 0 || p[5] === 0x5efe : stryMutAct_9fa48("201") ? false : stryMutAct_9fa48("200") ? true : (stryCov_9fa48("200", "201", "202"), (stryMutAct_9fa48("204") ? (p[4] & 0xfdff) !== 0 : stryMutAct_9fa48("203") ? true : (stryCov_9fa48("203", "204"), (p[4] & 0xfdff) === 0)) && (stryMutAct_9fa48("206") ? p[5] !== 0x5efe : stryMutAct_9fa48("205") ? true : (stryCov_9fa48("205", "206"), p[5] === 0x5efe)))) return stryMutAct_9fa48("207") ? {} : (stryCov_9fa48("207"), {
      carried: stryMutAct_9fa48("208") ? [] : (stryCov_9fa48("208"), [v4(p[6], p[7])]),
      only: stryMutAct_9fa48("209") ? true : (stryCov_9fa48("209"), false)
    });
    return null;
  }
}

/** Why this address is refused, or null when it is a public unicast one. */
function refusal(addr: IPv4 | IPv6): string | null {
  if (stryMutAct_9fa48("210")) {
    {}
  } else {
    stryCov_9fa48("210");
    const shown = addr.toString();
    if (stryMutAct_9fa48("213") ? shown === "169.254.169.254" && shown === "fd00:ec2::254" : stryMutAct_9fa48("212") ? false : stryMutAct_9fa48("211") ? true : (stryCov_9fa48("211", "212", "213"), (stryMutAct_9fa48("215") ? shown !== "169.254.169.254" : stryMutAct_9fa48("214") ? false : (stryCov_9fa48("214", "215"), shown === (stryMutAct_9fa48("216") ? "" : (stryCov_9fa48("216"), "169.254.169.254")))) || (stryMutAct_9fa48("218") ? shown !== "fd00:ec2::254" : stryMutAct_9fa48("217") ? false : (stryCov_9fa48("217", "218"), shown === (stryMutAct_9fa48("219") ? "" : (stryCov_9fa48("219"), "fd00:ec2::254")))))) return stryMutAct_9fa48("220") ? "" : (stryCov_9fa48("220"), "the cloud metadata address");
    const range = addr.range();
    if (stryMutAct_9fa48("223") ? range !== "unicast" : stryMutAct_9fa48("222") ? false : stryMutAct_9fa48("221") ? true : (stryCov_9fa48("221", "222", "223"), range === (stryMutAct_9fa48("224") ? "" : (stryCov_9fa48("224"), "unicast")))) return null;
    return stryMutAct_9fa48("225") ? rangeWords[range] && `a reserved address (${range})` : (stryCov_9fa48("225"), rangeWords[range] ?? (stryMutAct_9fa48("226") ? `` : (stryCov_9fa48("226"), `a reserved address (${range})`)));
  }
}

/**
 * Why we refuse to connect to `ip`, or null when it is a public unicast address. An IPv6 address
 * that carries an IPv4 one (`::ffff:127.0.0.1`, `::127.0.0.1`, NAT64, 6to4, Teredo, ISATAP) is
 * judged as the IPv4 address it carries.
 */
export function blockedReason(ip: string, allowPrivate = outboundAllowPrivate()): string | null {
  if (stryMutAct_9fa48("227")) {
    {}
  } else {
    stryCov_9fa48("227");
    if (stryMutAct_9fa48("229") ? false : stryMutAct_9fa48("228") ? true : (stryCov_9fa48("228", "229"), allowPrivate)) return null;
    const bare = unbracket(ip).split(stryMutAct_9fa48("230") ? "" : (stryCov_9fa48("230"), "%"))[0];
    if (stryMutAct_9fa48("233") ? false : stryMutAct_9fa48("232") ? true : stryMutAct_9fa48("231") ? ipaddr.isValid(bare) : (stryCov_9fa48("231", "232", "233"), !ipaddr.isValid(bare))) return stryMutAct_9fa48("234") ? `` : (stryCov_9fa48("234"), `Blocked: ${bare} is not an IP address`);
    // An IPv4-mapped address is what the socket layer itself reports for IPv4 peers: plain IPv4.
    const addr = ipaddr.process(bare);
    if (stryMutAct_9fa48("237") ? addr.kind() !== "ipv6" : stryMutAct_9fa48("236") ? false : stryMutAct_9fa48("235") ? true : (stryCov_9fa48("235", "236", "237"), addr.kind() === (stryMutAct_9fa48("238") ? "" : (stryCov_9fa48("238"), "ipv6")))) {
      if (stryMutAct_9fa48("239")) {
        {}
      } else {
        stryCov_9fa48("239");
        const embedded = embeddedIPv4(addr as IPv6);
        for (const carried of stryMutAct_9fa48("240") ? embedded?.carried && [] : (stryCov_9fa48("240"), (stryMutAct_9fa48("241") ? embedded.carried : (stryCov_9fa48("241"), embedded?.carried)) ?? (stryMutAct_9fa48("242") ? ["Stryker was here"] : (stryCov_9fa48("242"), [])))) {
          if (stryMutAct_9fa48("243")) {
            {}
          } else {
            stryCov_9fa48("243");
            const why = refusal(carried);
            if (stryMutAct_9fa48("245") ? false : stryMutAct_9fa48("244") ? true : (stryCov_9fa48("244", "245"), why)) return stryMutAct_9fa48("246") ? `` : (stryCov_9fa48("246"), `Blocked: ${addr.toString()} carries ${carried.toString()}, ${why}`);
          }
        }
        if (stryMutAct_9fa48("249") ? embedded.only : stryMutAct_9fa48("248") ? false : stryMutAct_9fa48("247") ? true : (stryCov_9fa48("247", "248", "249"), embedded?.only)) return null;
      }
    }
    const why = refusal(addr);
    return why ? stryMutAct_9fa48("250") ? `` : (stryCov_9fa48("250"), `Blocked: ${addr.toString()} is ${why}`) : null;
  }
}