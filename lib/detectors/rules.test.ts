import { describe, expect, it } from "vitest";
import { DetectionBudgetExceeded, SecretEngine } from "./engine";
import type { Rule } from "./rule";
import { RULES } from "./rules";

const MB = 1024 * 1024;
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Texts built to make a careless pattern rescan: its keyword over and over, long runs after it, near-misses. */
function adversarial(rule: Rule): ((size: number) => string)[] {
  const kw = rule.keywords[0];
  return [
    (n) => fill(kw, n),
    ...["a", "0", "/", "-", " "].map((c) => (n: number) => kw + fill(c, n - kw.length)),
    (n) => fill(`${kw}${"aB3".repeat(14)}.`, n),
    (n) => fill(`${kw}=${"Ab3$".repeat(50)} `, n),
    (n) => fill(`${"0".repeat(40)}${kw}${"f".repeat(40)}\n`, n),
    (n) => fill(`${kw}-----END `, n),
  ];
}

/**
 * CPU time, not wall time: the suite shares two cores with everyone's tests. A run is stopped after
 * 2 s of wall time (a quadratic rule would take hours) and counts as infinitely slow.
 */
function cpuMs(engine: SecretEngine, text: string): number {
  const before = process.cpuUsage();
  try {
    engine.detect(text, performance.now() + 2000);
  } catch (error) {
    if (error instanceof DetectionBudgetExceeded) return Infinity;
    throw error;
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Under 50 ms of CPU for 1 MB; or, if a busy machine slowed it, linear growth: four times the
 * input may take at most eight times as long (a quadratic rule takes sixteen times; a linear one about four,
 * plus a garbage collection the bigger text can trigger), and under a second.
 */
function linear(engine: SecretEngine, make: (size: number) => string): { ok: boolean; ms: number; ratio?: number } {
  const big = make(MB);
  const ms = cpuMs(engine, big);
  if (ms < 50) return { ok: true, ms };
  if (ms === Infinity) return { ok: false, ms };
  const small = make(MB / 4);
  const best = (text: string) => Math.min(cpuMs(engine, text), cpuMs(engine, text), cpuMs(engine, text));
  const tSmall = best(small);
  const tBig = best(big);
  const ratio = tSmall === Infinity ? Infinity : tBig / Math.max(tSmall, 1);
  return { ok: tBig < 50 || (ratio < 8 && tBig < 1000), ms: tBig, ratio };
}

describe("every rule is linear", () => {
  it("takes each rule through 1 MB of adversarial input in under 50 ms, or in linear time on a busy machine", () => {
    const engines = RULES.map((rule) => new SecretEngine([rule]));
    engines.forEach((engine, r) => adversarial(RULES[r]).forEach((make) => engine.detect(make(4096)))); // warm up the JIT
    const slow: string[] = [];
    engines.forEach((engine, r) => {
      adversarial(RULES[r]).forEach((make, k) => {
        const result = linear(engine, make);
        if (!result.ok)
          slow.push(
            `rule ${r} (${RULES[r].detector}) input ${k}: ${result.ms.toFixed(0)} ms, ratio ${result.ratio?.toFixed(1)}`,
          );
      });
    });
    expect(slow).toEqual([]);
  }, 300_000);

  it("fails a quadratic rule, and the old JWT rule that took 1.3 s per MB of crafted text", () => {
    const quadratic: Rule = { detector: "jwt", keywords: ["eyj"], pattern: /eyJ[A-Za-z0-9_-]{10,}\.eyJ/ };
    expect(linear(new SecretEngine([quadratic]), (n) => fill("eyJ", n)).ok).toBe(false);
    const oldJwt: Rule = {
      detector: "jwt",
      keywords: ["eyj"],
      pattern: /eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{16,1000}/,
    };
    expect(linear(new SecretEngine([oldJwt]), (n) => fill("eyJ", n)).ok).toBe(false);
  }, 120_000);
});
