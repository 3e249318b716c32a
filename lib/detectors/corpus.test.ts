import { describe, expect, it } from "vitest";
import { buildCorpus, KINDS, score } from "@/test/corpus";
import { ageKey, pypiToken } from "@/test/corpus/formats";
import { badCrcToken, crcToken, Gen } from "@/test/corpus/gen";
import { ALL_DETECTORS, DETECTORS } from "./catalogue";
import { crc32, hasBase62Crc, hasBech32Checksum } from "./checksums";
import { engine } from "./default-engine";
import { RULES } from "./rules";
import { isPypiMacaroon } from "./verify";

const found = (text: string) =>
  engine.detect(text).map((f) => ({ detectorId: DETECTORS[f.detector].id, secret: f.secret }));

describe("the detector corpus", () => {
  it("covers every catalogue entry (50 or more) with 3+ generated secrets and 3+ look-alikes, and every entry has a rule", () => {
    expect(ALL_DETECTORS.length).toBeGreaterThanOrEqual(50);
    expect(KINDS.map((k) => k.id).sort()).toEqual(ALL_DETECTORS.map((d) => d.id).sort());
    for (const kind of KINDS) {
      expect(kind.trues.length, kind.id).toBeGreaterThanOrEqual(3);
      expect(kind.lookAlikes.length, kind.id).toBeGreaterThanOrEqual(3);
    }
    const ruled = new Set(RULES.map((r) => DETECTORS[r.detector].id));
    for (const d of ALL_DETECTORS) expect(ruled.has(d.id), d.id).toBe(true);
  });

  it("finds every planted secret with its kind and nothing else; no look-alike fires (recall and precision 1 per kind)", () => {
    const corpus = buildCorpus(20240601, 2);
    const reported = corpus.map((e) => found(e.text));
    const wrong = corpus.flatMap((e, i) => {
      const want = JSON.stringify(e.expected.map((x) => [x.detectorId, x.secret]));
      const got = JSON.stringify(reported[i].map((x) => [x.detectorId, x.secret]));
      return want === got
        ? []
        : [`${e.kind}${e.lookAlike ? " look-alike" : ""}: ${got} in ${JSON.stringify(e.text.slice(0, 120))}`];
    });
    expect(wrong).toEqual([]);
    for (const s of score(corpus, reported)) {
      expect(s.trues, s.kind).toBeGreaterThanOrEqual(6);
      expect(s.lookAlikes, s.kind).toBeGreaterThanOrEqual(6);
      expect([s.kind, s.recall, s.precision]).toEqual([s.kind, 1, 1]);
    }
  });

  it("builds tokens with their formats' checksums, and one changed character fails them", () => {
    // Published check values: CRC-32 of "123456789", and BIP-173's valid and invalid bech32 strings.
    expect(crc32("123456789")).toBe(0xcbf43926);
    for (const valid of [
      "A12UEL5L",
      "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
      "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
    ])
      expect(hasBech32Checksum(valid), valid).toBe(true);
    for (const invalid of ["A12UEL5M", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx"])
      expect(hasBech32Checksum(invalid), invalid).toBe(false);
    const g = new Gen(99);
    for (const prefix of ["ghp_", "gho_", "npm_"]) {
      expect(hasBase62Crc(crcToken(g, prefix)), prefix).toBe(true);
      expect(hasBase62Crc(badCrcToken(g, prefix)), prefix).toBe(false);
    }
    const age = ageKey(g);
    expect(hasBech32Checksum(age)).toBe(true);
    expect(hasBech32Checksum(age.slice(0, 20) + (age[20] === "Q" ? "P" : "Q") + age.slice(21))).toBe(false);
    const pypi = pypiToken(g);
    expect(pypi.startsWith("pypi-AgEIcHlwaS5vcmc")).toBe(true);
    expect(isPypiMacaroon(pypi)).toBe(true);
    expect(isPypiMacaroon(pypi.slice(0, -8))).toBe(false);
  });
});
