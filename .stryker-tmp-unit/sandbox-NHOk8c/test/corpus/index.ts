// @ts-nocheck
// The detector corpus: per kind, real-looking secrets written several ways and look-alikes that
// must stay quiet, all generated from one seed.
import { CLOUD } from "./cloud";
import { CODE_AND_CHAT } from "./code-chat";
import { Gen, type Example, type KindCorpus } from "./gen";
import { KEYS_AND_STRINGS } from "./keys-strings";
import { PAYMENTS_AND_AI } from "./payments-ai";
import { REGISTRIES_AND_MESSAGING } from "./registries-messaging";
import { WORK_AND_INFRA } from "./work-infra";

export const KINDS: KindCorpus[] = [...CLOUD, ...CODE_AND_CHAT, ...PAYMENTS_AND_AI, ...REGISTRIES_AND_MESSAGING, ...WORK_AND_INFRA, ...KEYS_AND_STRINGS];

export type CorpusEntry = { kind: string; text: string; expected: Example["expected"]; lookAlike: boolean };

/** `rounds` passes over every generator of every kind: at least 3 × rounds true examples and look-alikes per kind. */
export function buildCorpus(seed = 1, rounds = 1): CorpusEntry[] {
  const g = new Gen(seed);
  const out: CorpusEntry[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const kind of KINDS) {
      for (const make of kind.trues) out.push({ kind: kind.id, ...make(g), lookAlike: false });
      for (const make of kind.lookAlikes) out.push({ kind: kind.id, text: make(g), expected: [], lookAlike: true });
    }
  }
  return out;
}

export type KindScore = { kind: string; trues: number; lookAlikes: number; tp: number; fn: number; fp: number; recall: number; precision: number };

/**
 * Recall and precision per detector over a corpus, given what a detector reported for each entry.
 * A finding counts as true only with the expected detector and the exact secret.
 */
export function score(corpus: CorpusEntry[], found: { detectorId: string; secret: string }[][]): KindScore[] {
  const scores = new Map(KINDS.map((k) => [k.id, { kind: k.id, trues: 0, lookAlikes: 0, tp: 0, fn: 0, fp: 0, recall: 0, precision: 0 }]));
  const of = (id: string) => scores.get(id) ?? scores.set(id, { kind: id, trues: 0, lookAlikes: 0, tp: 0, fn: 0, fp: 0, recall: 0, precision: 0 }).get(id)!;
  corpus.forEach((entry, i) => {
    if (entry.lookAlike) of(entry.kind).lookAlikes++;
    else of(entry.kind).trues++;
    const reported = found[i];
    for (const e of entry.expected) {
      if (reported.some((f) => f.detectorId === e.detectorId && f.secret === e.secret)) of(e.detectorId).tp++;
      else of(e.detectorId).fn++;
    }
    for (const f of reported) if (!entry.expected.some((e) => e.detectorId === f.detectorId && e.secret === f.secret)) of(f.detectorId).fp++;
  });
  for (const s of scores.values()) {
    s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  }
  return [...scores.values()];
}
