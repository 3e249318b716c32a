import { describe, expect, it } from "vitest";
import { buildCorpus } from "@/test/corpus";
import { crcToken, Gen } from "@/test/corpus/gen";
import { engine } from "./default-engine";
import { maskSecret } from "./mask";
import { isPlaceholder, PUBLISHED_EXAMPLES } from "./placeholders";
import { maskText, scanText } from "./tasks";

describe("masking", () => {
  it("keeps at most 4 characters of each end, fewer of a short secret, and always hides something", () => {
    expect(maskSecret("abcdefghijklmnopqrst")).toBe("abcd************qrst");
    expect(maskSecret("hunter22")).toBe("h******2");
    expect(maskSecret("abc")).toBe("****");
    expect(maskSecret("x".repeat(300))).toBe(`xxxx${"*".repeat(24)}xxxx`);
  });

  it("masks every secret of every kind in a text, leaves look-alikes alone, and masking twice changes nothing", () => {
    for (const entry of buildCorpus(777, 1)) {
      const masked = maskText(entry.text);
      expect(maskText(masked), entry.kind).toBe(masked);
      // Exactly the secrets are replaced by their masks, and nothing else changes.
      let want = entry.text;
      for (const { secret } of entry.expected) want = want.split(secret).join(maskSecret(secret));
      expect(masked, entry.kind).toBe(want);
    }
  });

  it("an excerpt never keeps part of a neighbouring secret, even one cut by the excerpt's window", () => {
    const g = new Gen(5);
    const [a, b] = [crcToken(g, "ghp_"), crcToken(g, "ghp_")];
    const text = `first line\nCI: ${a} ${"and some words in between ".repeat(2)}${b} trailing words\nlast line`;
    const scan = scanText(text);
    if ("error" in scan) throw new Error("unexpected budget");
    expect(scan.secrets).toHaveLength(2);
    for (const s of scan.secrets) {
      expect(s.excerpt).not.toContain("first line");
      for (const secret of [a, b])
        for (let i = 4; i + 5 <= secret.length - 4; i++) expect(s.excerpt).not.toContain(secret.slice(i, i + 5));
    }
  });

  it("never reports the published example and emulator keys (each listed with its source)", () => {
    for (const example of PUBLISHED_EXAMPLES) {
      expect(example.source).toMatch(/^https:\/\//);
      expect(isPlaceholder(example.value), example.value).toBe(true);
    }
    const azurite = PUBLISHED_EXAMPLES.find((e) => e.source.includes("azurite"))!.value;
    expect(engine.detect(`DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${azurite};`)).toEqual(
      [],
    );
    for (const text of [
      "xoxb-your-bot-token",
      "password: ${DB_PASSWORD}",
      "api_key: <your key>",
      "token = xxxxxxxxxxxxxxxxxxxx",
      "secret: '****************'",
      "password = changeme1234",
    ]) {
      expect(engine.detect(text), text).toEqual([]);
    }
  });
});
