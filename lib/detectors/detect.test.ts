import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { SecretMaker } from "@/test/integration/scan-corpus";
import { detectSecrets, findingExcerpt, maskSecret, secretFingerprint } from "./detect";

describe("secret detection", () => {
  it("finds every planted kind, exactly, and names it from our catalogue", async () => {
    const maker = new SecretMaker(11);
    for (const [kind, make] of Object.entries(maker.kinds())) {
      for (let i = 0; i < 3; i++) {
        const planted = make();
        const found = await detectSecrets(`Notes from the call.\n${planted.text}\nThat's all.`);
        expect(found.map((f) => [f.detector.id, f.secret]), kind).toEqual([[planted.detectorId, planted.secret]]);
      }
    }
  });

  it("reports none of the look-alikes", async () => {
    for (const text of new SecretMaker(12).lookAlikes()) expect(await detectSecrets(text), text).toEqual([]);
  });

  it("masks the middle of the secret in the stored excerpt", async () => {
    const planted = new SecretMaker(13).kinds().github();
    const text = `first line\n${planted.text}\nlast line`;
    const [found] = await detectSecrets(text);
    const excerpt = findingExcerpt(text, found);
    expect(excerpt).not.toContain(planted.secret);
    expect(excerpt).toContain(planted.secret.slice(0, 4));
    expect(excerpt).toContain(planted.secret.slice(-4));
    expect(excerpt).not.toContain("first line");
    expect(maskSecret("abcdefghijklmnopqrst")).toBe("abcd************qrst");
  });

  it("fingerprints the same secret in the same container identically whatever the text around it", async () => {
    const planted = new SecretMaker(14).kinds().stripe();
    const [a] = await detectSecrets(`old words ${planted.secret}`);
    const [b] = await detectSecrets(`entirely new words around it: ${planted.secret} — and more`);
    expect(secretFingerprint(a.detector.id, a.secret, "SEC-1")).toBe(secretFingerprint(b.detector.id, b.secret, "SEC-1"));
    expect(secretFingerprint(a.detector.id, a.secret, "SEC-1")).not.toBe(secretFingerprint(a.detector.id, a.secret, "SEC-2"));
  });

  it("leaves no performance marks behind (secretlint's always-on profiler is switched off)", async () => {
    const before = performance.getEntriesByType("mark").length;
    for (let i = 0; i < 20; i++) await detectSecrets(`line ${i} ${new SecretMaker(15 + i).kinds().github().text}`);
    expect(performance.getEntriesByType("mark").length).toBe(before);
  });
});
