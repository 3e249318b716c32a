import { entropy } from "./checksums";
import type { DetectorKey } from "./catalogue";
import { isPlaceholder } from "./placeholders";
import { resolveOverlaps } from "./overlaps";
import { KeywordAutomaton } from "./prefilter";
import { START, type Rule } from "./rule";

/** A secret in a text: its span, and the span of the whole match around it (for excerpts). */
export type Found = {
  detector: DetectorKey;
  secret: string;
  start: number;
  end: number;
  matchStart: number;
  matchEnd: number;
  rank: number;
};

/** Raised when a text takes longer than its budget; the caller decides what an unscanned text means. */
export class DetectionBudgetExceeded extends Error {
  constructor() {
    super("Secret detection ran out of its time budget");
    this.name = "DetectionBudgetExceeded";
  }
}

type Compiled = Rule & { regex: RegExp; hasSecretGroup: boolean; tokenEdge: boolean };

/**
 * A detector over a set of rules: the prefilter finds keyword hits, each rule runs only at (or
 * around) its hits, candidates are verified, and overlapping findings keep the most specific.
 */
export class SecretEngine {
  private readonly rules: Compiled[];
  private readonly automaton: KeywordAutomaton;
  private readonly keywordRules: number[][] = [];
  private readonly ruleHits: number[][];

  constructor(rules: Rule[]) {
    this.rules = rules.map((rule) => {
      const hasSecretGroup = rule.pattern.source.includes("(?<secret>");
      const flags = rule.pattern.flags.replace(/[gyd]/g, "") + (rule.window ? "g" : "y") + (hasSecretGroup ? "d" : "");
      // Token patterns start with START: checking the character before a hit here saves running the
      // pattern at every keyword inside a longer run (`hf_hf_hf_…`).
      const tokenEdge = !rule.window && rule.pattern.source.startsWith(START);
      return { ...rule, regex: new RegExp(rule.pattern.source, flags), hasSecretGroup, tokenEdge };
    });
    const keywords: string[] = [];
    const index = new Map<string, number>();
    this.rules.forEach((rule, r) => {
      for (const keyword of rule.keywords) {
        const k = keyword.toLowerCase();
        if (!index.has(k)) {
          index.set(k, keywords.length);
          keywords.push(k);
          this.keywordRules.push([]);
        }
        this.keywordRules[index.get(k)!].push(r);
      }
    });
    this.automaton = new KeywordAutomaton(keywords);
    this.ruleHits = this.rules.map(() => []);
  }

  /** Every secret in `text`, in order, no two overlapping. `deadline` is a performance.now() time. */
  detect(text: string, deadline = Infinity): Found[] {
    const count = this.automaton.scan(text);
    const { hitKeyword, hitStart } = this.automaton;
    const touched: number[] = [];
    for (let i = 0; i < count; i++) {
      const rules = this.keywordRules[hitKeyword[i]];
      for (let k = 0; k < rules.length; k++) {
        const hits = this.ruleHits[rules[k]];
        if (hits.length === 0) touched.push(rules[k]);
        hits.push(hitStart[i]);
      }
    }
    const candidates: Found[] = [];
    try {
      for (const r of touched) {
        if (performance.now() > deadline) throw new DetectionBudgetExceeded();
        const hits = this.ruleHits[r];
        const rule = this.rules[r];
        // Hits arrive in order of their ends; keywords of one rule can end in a different order.
        if (rule.keywords.length > 1) sortNearlySorted(hits);
        dedupeSorted(hits);
        if (rule.window) this.runInWindows(rule, text, hits, candidates, deadline);
        else this.runAtHits(rule, text, hits, candidates, deadline);
      }
    } finally {
      for (const r of touched) this.ruleHits[r].length = 0;
    }
    return resolveOverlaps(candidates);
  }

  /** Sticky at each hit; a hit inside the previous attempt's match is skipped (as a global scan would). */
  private runAtHits(rule: Compiled, text: string, hits: number[], out: Found[], deadline: number): void {
    let skipUntil = -1;
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h];
      if (hit < skipUntil || (rule.tokenEdge && hit > 0 && isTokenChar(text.charCodeAt(hit - 1)))) continue;
      if ((h & 15) === 0 && performance.now() > deadline) throw new DetectionBudgetExceeded();
      rule.regex.lastIndex = hit;
      const m = rule.regex.exec(text);
      if (!m) continue;
      skipUntil = hit + m[0].length;
      this.accept(rule, m, out);
    }
  }

  /** A global pattern over the merged windows around the hits; each character is in one window. */
  private runInWindows(rule: Compiled, text: string, hits: number[], out: Found[], deadline: number): void {
    const { before, after } = rule.window!;
    let i = 0;
    while (i < hits.length) {
      if (performance.now() > deadline) throw new DetectionBudgetExceeded();
      const from = Math.max(0, hits[i] - before);
      let to = Math.min(text.length, hits[i] + after);
      while (i + 1 < hits.length && hits[i + 1] - before <= to) to = Math.min(text.length, hits[++i] + after);
      i++;
      const slice = text.slice(from, to);
      rule.regex.lastIndex = 0;
      for (let m = rule.regex.exec(slice); m; m = rule.regex.exec(slice)) {
        if (m[0].length === 0) rule.regex.lastIndex++;
        m.index += from;
        for (const span of Object.values(m.indices?.groups ?? {})) {
          if (!span) continue;
          span[0] += from;
          span[1] += from;
        }
        this.accept(rule, m, out);
      }
    }
  }

  private accept(rule: Compiled, m: RegExpExecArray, out: Found[]): void {
    const span = rule.hasSecretGroup ? m.indices?.groups?.secret : undefined;
    if (rule.hasSecretGroup && !span) return;
    const secret = span ? m.groups!.secret : m[0];
    // Cheapest first: entropy, then a checksum (rejects nearly every random string) or the placeholder list.
    if (rule.entropy !== undefined && entropy(secret) < rule.entropy) return;
    if (rule.checked) {
      if ((rule.verify && !rule.verify(secret, m)) || isPlaceholder(secret, true)) return;
    } else if (isPlaceholder(secret) || (rule.verify && !rule.verify(secret, m))) return;
    const start = span ? span[0] : m.index;
    out.push({
      detector: rule.detector,
      secret,
      start,
      end: start + secret.length,
      matchStart: m.index,
      matchEnd: m.index + m[0].length,
      rank: rule.rank ?? 1,
    });
  }
}

/** Insertion sort: hits are out of order by at most a keyword's length, so this is linear. */
function sortNearlySorted(list: number[]): void {
  for (let i = 1; i < list.length; i++) {
    const v = list[i];
    let j = i - 1;
    while (j >= 0 && list[j] > v) list[j + 1] = list[j--];
    list[j + 1] = v;
  }
}

function dedupeSorted(list: number[]): void {
  let w = 0;
  for (let r = 0; r < list.length; r++) if (r === 0 || list[r] !== list[r - 1]) list[w++] = list[r];
  list.length = w;
}

/** [A-Za-z0-9_-]: the characters START refuses before a token. */
function isTokenChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}
