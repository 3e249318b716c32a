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
import { maskSecret } from "@/lib/crypto/secrets";

// Header names whose values are credentials. The signature is not one: it proves a body, and
// receivers debugging verification need to see it.
const SECRET_HEADER = stryMutAct_9fa48("22") ? /authorization|token|secret|api-key|routing|cookie|password/i : (stryCov_9fa48("22"), /authorization|token|secret|api-?key|routing|cookie|password/i);

/** Request headers as the delivery log shows them: credentials masked. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  if (stryMutAct_9fa48("23")) {
    {}
  } else {
    stryCov_9fa48("23");
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) out[name] = SECRET_HEADER.test(name) ? stryMutAct_9fa48("26") ? maskSecret(value) && "••••" : stryMutAct_9fa48("25") ? false : stryMutAct_9fa48("24") ? true : (stryCov_9fa48("24", "25", "26"), maskSecret(value) || (stryMutAct_9fa48("27") ? "" : (stryCov_9fa48("27"), "••••"))) : value;
    return out;
  }
}
const masked = new Map<string, string>();

/** A webhook URL is itself a secret (Slack's carries its key in the path): show only the origin. */
export function maskUrl(raw: string): string {
  if (stryMutAct_9fa48("28")) {
    {}
  } else {
    stryCov_9fa48("28");
    let shown = masked.get(raw);
    if (stryMutAct_9fa48("31") ? shown !== undefined : stryMutAct_9fa48("30") ? false : stryMutAct_9fa48("29") ? true : (stryCov_9fa48("29", "30", "31"), shown === undefined)) {
      if (stryMutAct_9fa48("32")) {
        {}
      } else {
        stryCov_9fa48("32");
        try {
          if (stryMutAct_9fa48("33")) {
            {}
          } else {
            stryCov_9fa48("33");
            const url = new URL(raw);
            shown = (stryMutAct_9fa48("36") ? url.pathname === "/" || !url.search : stryMutAct_9fa48("35") ? false : stryMutAct_9fa48("34") ? true : (stryCov_9fa48("34", "35", "36"), (stryMutAct_9fa48("38") ? url.pathname !== "/" : stryMutAct_9fa48("37") ? true : (stryCov_9fa48("37", "38"), url.pathname === (stryMutAct_9fa48("39") ? "" : (stryCov_9fa48("39"), "/")))) && (stryMutAct_9fa48("40") ? url.search : (stryCov_9fa48("40"), !url.search)))) ? url.origin : stryMutAct_9fa48("41") ? `` : (stryCov_9fa48("41"), `${url.origin}/••••`);
          }
        } catch {
          if (stryMutAct_9fa48("42")) {
            {}
          } else {
            stryCov_9fa48("42");
            shown = stryMutAct_9fa48("43") ? "" : (stryCov_9fa48("43"), "••••");
          }
        }
        if (stryMutAct_9fa48("47") ? masked.size <= 1000 : stryMutAct_9fa48("46") ? masked.size >= 1000 : stryMutAct_9fa48("45") ? false : stryMutAct_9fa48("44") ? true : (stryCov_9fa48("44", "45", "46", "47"), masked.size > 1000)) masked.clear();
        masked.set(raw, shown);
      }
    }
    return shown;
  }
}