import { threadId } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { SecretMaker } from "@/test/integration/scan-corpus";
import { detectionPool, detectSecrets, maskTexts, scanTexts, secretFingerprint } from "./detect";

describe("secret detection on the worker threads", () => {
  it("finds a planted secret of every kind, exactly, and names it from the catalogue", async () => {
    const maker = new SecretMaker(11);
    const planted = Object.values(maker.kinds()).map((make) => make());
    const scans = await scanTexts(planted.map((p) => `Notes from the call.\n${p.text}\nThat's all.`));
    scans.forEach((scan, i) => {
      expect("secrets" in scan && scan.secrets.map((s) => s.secret), planted[i].detectorId).toEqual([
        planted[i].secret,
      ]);
    });
    const [found] = await detectSecrets(planted[0].text);
    expect(found.detector.id).toBe(planted[0].detectorId);
  });

  it("runs on other threads: the caller's event loop keeps turning during a large scan", async () => {
    const text = `${"Deploy notes with nothing secret in them. password_hint: ask ops.\n".repeat(120_000)}`;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const result = await Promise.all(
      [text, text].map((t) => detectionPool().run({ kind: "mask", texts: [t], budgetMs: 60_000 })),
    );
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(result.map((r) => r.kind)).toEqual(["mask", "mask"]);
    expect(threadId).toBe(0);
    // Run here, 16 MB would hold this thread for the whole time; on the pool the timer kept firing.
    expect(elapsed).toBeGreaterThan(100);
    expect(longestGap).toBeLessThan(Math.max(100, elapsed / 3));
  });

  it("a text that runs out of its time budget is reported as unscanned, and withheld rather than stored", async () => {
    const planted = new SecretMaker(12).kinds().GH001();
    const [scan] = await scanTexts([planted.text], 0);
    expect(scan).toEqual({ error: "budget" });
    const [masked] = await maskTexts([planted.text], 0);
    expect(masked).toMatch(/^\[content withheld: it could not be checked for secrets in time; sha256 [0-9a-f]{16}\]$/);
    expect(masked).not.toContain(planted.secret);
  });

  it("fingerprints the same secret in the same container identically whatever the text around it", async () => {
    const planted = new SecretMaker(14).kinds().STR001();
    const [a] = await detectSecrets(`old words ${planted.secret}`);
    const [b] = await detectSecrets(`entirely new words around it: ${planted.secret} — and more`);
    expect(secretFingerprint(a.detector.id, a.secret, "SEC-1")).toBe(
      secretFingerprint(b.detector.id, b.secret, "SEC-1"),
    );
    expect(secretFingerprint(a.detector.id, a.secret, "SEC-1")).not.toBe(
      secretFingerprint(a.detector.id, a.secret, "SEC-2"),
    );
  });
});
