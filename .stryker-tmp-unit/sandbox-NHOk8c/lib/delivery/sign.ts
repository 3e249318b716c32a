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
import { createHmac, randomBytes } from "node:crypto";

/** Lowercase hex HMAC-SHA256 over the exact body bytes, keyed with `${timestamp}_${token}` (contract §4). */
export function computeSignature(timestamp: string, token: string, body: string | Buffer): string {
  if (stryMutAct_9fa48("95")) {
    {}
  } else {
    stryCov_9fa48("95");
    return createHmac(stryMutAct_9fa48("96") ? "" : (stryCov_9fa48("96"), "sha256"), stryMutAct_9fa48("97") ? `` : (stryCov_9fa48("97"), `${timestamp}_${token}`)).update(body).digest(stryMutAct_9fa48("98") ? "" : (stryCov_9fa48("98"), "hex"));
  }
}

/**
 * The three headers a receiver verifies. The timestamp is this attempt's time, so every retry
 * and every redelivery carries a fresh signature over the same body and the same delivery id.
 */
export function signingHeaders(deliveryId: string, token: string, body: string, at: Date = new Date()): Record<string, string> {
  if (stryMutAct_9fa48("99")) {
    {}
  } else {
    stryCov_9fa48("99");
    const timestamp = at.toISOString();
    return stryMutAct_9fa48("100") ? {} : (stryCov_9fa48("100"), {
      "x-spectral-timestamp": timestamp,
      "x-spectral-signature": computeSignature(timestamp, token, body),
      "x-spectral-delivery": deliveryId
    });
  }
}

/** The receiver's side, as in the seed's example; used by tests and the benchmark's receiver. */
export function verifySignature(signature: string, token: string, timestamp: string, body: string | Buffer): boolean {
  if (stryMutAct_9fa48("101")) {
    {}
  } else {
    stryCov_9fa48("101");
    return stryMutAct_9fa48("104") ? signature !== computeSignature(timestamp, token, body) : stryMutAct_9fa48("103") ? false : stryMutAct_9fa48("102") ? true : (stryCov_9fa48("102", "103", "104"), signature === computeSignature(timestamp, token, body));
  }
}

/** A webhook's signing token: 32 random bytes, URL-safe (contract §4). Made by us, never typed in. */
export function generateSigningToken(): string {
  if (stryMutAct_9fa48("105")) {
    {}
  } else {
    stryCov_9fa48("105");
    return randomBytes(32).toString(stryMutAct_9fa48("106") ? "" : (stryCov_9fa48("106"), "base64url"));
  }
}