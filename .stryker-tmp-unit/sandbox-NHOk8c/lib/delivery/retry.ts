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
import type { DeliverySettings } from "./config";

/** Longest Retry-After we honour; a receiver asking for more is retried on our own schedule. */
const MAX_RETRY_AFTER_MS = 3600_000;

/** base · 2^(n−1), ±20 % jitter so a receiver coming back is not hit by every retry at once. */
export function backoffMs(attemptNumber: number, baseMs: number, random: () => number = Math.random): number {
  if (stryMutAct_9fa48("48")) {
    {}
  } else {
    stryCov_9fa48("48");
    const exact = stryMutAct_9fa48("49") ? baseMs / 2 ** Math.max(0, attemptNumber - 1) : (stryCov_9fa48("49"), baseMs * 2 ** (stryMutAct_9fa48("50") ? Math.min(0, attemptNumber - 1) : (stryCov_9fa48("50"), Math.max(0, stryMutAct_9fa48("51") ? attemptNumber + 1 : (stryCov_9fa48("51"), attemptNumber - 1)))));
    return Math.round(stryMutAct_9fa48("52") ? exact / (0.8 + 0.4 * random()) : (stryCov_9fa48("52"), exact * (stryMutAct_9fa48("53") ? 0.8 - 0.4 * random() : (stryCov_9fa48("53"), 0.8 + (stryMutAct_9fa48("54") ? 0.4 / random() : (stryCov_9fa48("54"), 0.4 * random()))))));
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; null when absent or silly. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (stryMutAct_9fa48("55")) {
    {}
  } else {
    stryCov_9fa48("55");
    if (stryMutAct_9fa48("58") ? false : stryMutAct_9fa48("57") ? true : stryMutAct_9fa48("56") ? value : (stryCov_9fa48("56", "57", "58"), !value)) return null;
    const trimmed = stryMutAct_9fa48("59") ? value : (stryCov_9fa48("59"), value.trim());
    const ms = (stryMutAct_9fa48("66") ? /^\d+(\.\D+)?$/ : stryMutAct_9fa48("65") ? /^\d+(\.\d)?$/ : stryMutAct_9fa48("64") ? /^\d+(\.\d+)$/ : stryMutAct_9fa48("63") ? /^\D+(\.\d+)?$/ : stryMutAct_9fa48("62") ? /^\d(\.\d+)?$/ : stryMutAct_9fa48("61") ? /^\d+(\.\d+)?/ : stryMutAct_9fa48("60") ? /\d+(\.\d+)?$/ : (stryCov_9fa48("60", "61", "62", "63", "64", "65", "66"), /^\d+(\.\d+)?$/)).test(trimmed) ? stryMutAct_9fa48("67") ? Number(trimmed) / 1000 : (stryCov_9fa48("67"), Number(trimmed) * 1000) : stryMutAct_9fa48("68") ? Date.parse(trimmed) + now : (stryCov_9fa48("68"), Date.parse(trimmed) - now);
    if (stryMutAct_9fa48("71") ? !Number.isFinite(ms) && ms < 0 : stryMutAct_9fa48("70") ? false : stryMutAct_9fa48("69") ? true : (stryCov_9fa48("69", "70", "71"), (stryMutAct_9fa48("72") ? Number.isFinite(ms) : (stryCov_9fa48("72"), !Number.isFinite(ms))) || (stryMutAct_9fa48("75") ? ms >= 0 : stryMutAct_9fa48("74") ? ms <= 0 : stryMutAct_9fa48("73") ? false : (stryCov_9fa48("73", "74", "75"), ms < 0)))) return null;
    return stryMutAct_9fa48("76") ? Math.max(ms, MAX_RETRY_AFTER_MS) : (stryCov_9fa48("76"), Math.min(ms, MAX_RETRY_AFTER_MS));
  }
}
export type AttemptVerdict = {
  ok: boolean;
  disable: boolean;
  retryAfterMs: number | null;
};
export type NextStep = {
  status: "pending" | "delivered" | "failed";
  nextAttemptAt: Date | null;
};

/** What happens to a delivery after its `attemptNumber`-th attempt of this run. */
export function nextStep(verdict: AttemptVerdict, attemptNumber: number, settings: DeliverySettings, now: number = Date.now()): NextStep {
  if (stryMutAct_9fa48("77")) {
    {}
  } else {
    stryCov_9fa48("77");
    if (stryMutAct_9fa48("79") ? false : stryMutAct_9fa48("78") ? true : (stryCov_9fa48("78", "79"), verdict.ok)) return stryMutAct_9fa48("80") ? {} : (stryCov_9fa48("80"), {
      status: stryMutAct_9fa48("81") ? "" : (stryCov_9fa48("81"), "delivered"),
      nextAttemptAt: null
    });
    // 410 Gone: the receiver told us to stop; the integration is disabled and nothing more is sent.
    if (stryMutAct_9fa48("84") ? verdict.disable && attemptNumber >= settings.maxAttempts : stryMutAct_9fa48("83") ? false : stryMutAct_9fa48("82") ? true : (stryCov_9fa48("82", "83", "84"), verdict.disable || (stryMutAct_9fa48("87") ? attemptNumber < settings.maxAttempts : stryMutAct_9fa48("86") ? attemptNumber > settings.maxAttempts : stryMutAct_9fa48("85") ? false : (stryCov_9fa48("85", "86", "87"), attemptNumber >= settings.maxAttempts)))) return stryMutAct_9fa48("88") ? {} : (stryCov_9fa48("88"), {
      status: stryMutAct_9fa48("89") ? "" : (stryCov_9fa48("89"), "failed"),
      nextAttemptAt: null
    });
    const wait = stryMutAct_9fa48("90") ? Math.min(backoffMs(attemptNumber, settings.retryBaseMs), verdict.retryAfterMs ?? 0) : (stryCov_9fa48("90"), Math.max(backoffMs(attemptNumber, settings.retryBaseMs), stryMutAct_9fa48("91") ? verdict.retryAfterMs && 0 : (stryCov_9fa48("91"), verdict.retryAfterMs ?? 0)));
    return stryMutAct_9fa48("92") ? {} : (stryCov_9fa48("92"), {
      status: stryMutAct_9fa48("93") ? "" : (stryCov_9fa48("93"), "pending"),
      nextAttemptAt: new Date(stryMutAct_9fa48("94") ? now - wait : (stryCov_9fa48("94"), now + wait))
    });
  }
}