// @ts-nocheck
// Masking is shared by the server and client components, so it lives apart from the key handling.
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
export const MASK = stryMutAct_9fa48("0") ? "" : (stryCov_9fa48("0"), "••••");

/** `••••1a2b`: enough to recognise a secret, never enough to use it. */
export function maskSecret(value: string | null | undefined): string {
  if (stryMutAct_9fa48("1")) {
    {}
  } else {
    stryCov_9fa48("1");
    if (stryMutAct_9fa48("4") ? false : stryMutAct_9fa48("3") ? true : stryMutAct_9fa48("2") ? value : (stryCov_9fa48("2", "3", "4"), !value)) return stryMutAct_9fa48("5") ? "Stryker was here!" : (stryCov_9fa48("5"), "");
    return stryMutAct_9fa48("6") ? MASK - (value.length >= 12 ? value.slice(-4) : "") : (stryCov_9fa48("6"), MASK + ((stryMutAct_9fa48("10") ? value.length < 12 : stryMutAct_9fa48("9") ? value.length > 12 : stryMutAct_9fa48("8") ? false : stryMutAct_9fa48("7") ? true : (stryCov_9fa48("7", "8", "9", "10"), value.length >= 12)) ? stryMutAct_9fa48("11") ? value : (stryCov_9fa48("11"), value.slice(stryMutAct_9fa48("12") ? +4 : (stryCov_9fa48("12"), -4))) : stryMutAct_9fa48("13") ? "Stryker was here!" : (stryCov_9fa48("13"), "")));
  }
}

/** A value the browser sent back unchanged from its masked form: keep the stored secret. */
export function isMasked(value: string | null | undefined): boolean {
  if (stryMutAct_9fa48("14")) {
    {}
  } else {
    stryCov_9fa48("14");
    return stryMutAct_9fa48("17") ? typeof value === "string" || value.startsWith(MASK) : stryMutAct_9fa48("16") ? false : stryMutAct_9fa48("15") ? true : (stryCov_9fa48("15", "16", "17"), (stryMutAct_9fa48("19") ? typeof value !== "string" : stryMutAct_9fa48("18") ? true : (stryCov_9fa48("18", "19"), typeof value === (stryMutAct_9fa48("20") ? "" : (stryCov_9fa48("20"), "string")))) && (stryMutAct_9fa48("21") ? value.endsWith(MASK) : (stryCov_9fa48("21"), value.startsWith(MASK))));
  }
}