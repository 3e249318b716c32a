/**
 * Aho-Corasick over every rule's keywords, as gitleaks prefilters: one pass over the text finds
 * where any keyword occurs (ASCII, case-insensitive), so a rule's pattern runs only there. The
 * automaton is a dense DFA over 7-bit characters (failure links folded in): one table lookup per
 * character. A non-ASCII character cannot be part of a keyword, so it sends the scan back to the root.
 */
// @ts-nocheck


const ALPHABET = 128;

export class KeywordAutomaton {
  private readonly delta: Int32Array;
  private readonly outputs: number[][];
  private readonly emits: Uint8Array;
  private readonly lengths: number[];

  constructor(keywords: string[]) {
    this.lengths = keywords.map((k) => k.length);
    const goto: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (const ch of keyword.toLowerCase()) {
        const c = ch.charCodeAt(0);
        if (c >= ALPHABET) throw new Error(`Keyword ${JSON.stringify(keyword)} is not ASCII`);
        let next = goto[state].get(c);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          out.push([]);
          goto[state].set(c, next);
        }
        state = next;
      }
      out[state].push(index);
    });

    // Breadth-first: each state's transitions fall back to its failure state's.
    const delta = new Int32Array(goto.length * ALPHABET);
    const fail = new Int32Array(goto.length);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const next = goto[0].get(c);
      if (next !== undefined) {
        delta[c] = next;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      out[state].push(...out[fail[state]]);
      for (let c = 0; c < ALPHABET; c++) {
        const next = goto[state].get(c);
        if (next === undefined) {
          delta[state * ALPHABET + c] = delta[fail[state] * ALPHABET + c];
        } else {
          fail[next] = delta[fail[state] * ALPHABET + c];
          delta[state * ALPHABET + c] = next;
          queue.push(next);
        }
      }
    }
    // Upper-case letters take their lower-case transitions.
    for (let s = 0; s < goto.length; s++) {
      for (let c = 65; c <= 90; c++) delta[s * ALPHABET + c] = delta[s * ALPHABET + c + 32];
    }
    this.delta = delta;
    this.outputs = out;
    this.emits = Uint8Array.from(out, (o) => (o.length ? 1 : 0));
  }

  /** Hits of the last scan: `hitKeyword[i]` occurs at `hitStart[i]`, in order of their ends. */
  hitKeyword = new Int32Array(1024);
  hitStart = new Int32Array(1024);

  /** Finds every keyword occurrence in `text`; answers how many there are (see hitKeyword/hitStart). */
  scan(text: string): number {
    const { delta, outputs, emits, lengths } = this;
    let count = 0;
    let state = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      state = c < ALPHABET ? delta[(state << 7) | c] : 0;
      if (emits[state] === 0) continue;
      for (const k of outputs[state]) {
        if (count === this.hitStart.length) this.grow();
        this.hitKeyword[count] = k;
        this.hitStart[count++] = i - lengths[k] + 1;
      }
    }
    return count;
  }

  private grow(): void {
    const keyword = new Int32Array(this.hitKeyword.length * 2);
    const start = new Int32Array(this.hitStart.length * 2);
    keyword.set(this.hitKeyword);
    start.set(this.hitStart);
    this.hitKeyword = keyword;
    this.hitStart = start;
  }
}
