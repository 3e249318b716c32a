// `npm run score:detectors`: recall and precision per kind over the generated corpus (test/corpus),
// as a Markdown table, with secretlint's recommended preset on the same texts for comparison:
// whether it finds each planted secret (any of its messages covering it) and how many look-alikes
// it fires on. SEED and ROUNDS pick the corpus (defaults: 1 and 3).
import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { creator as recommendedPreset } from "@secretlint/secretlint-rule-preset-recommend";
import { DETECTORS } from "@/lib/detectors/catalogue";
import { engine } from "@/lib/detectors/default-engine";
import { buildCorpus, score } from "@/test/corpus";

secretLintProfiler.mark = () => {};
const config = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommendedPreset }] };

async function secretlintRanges(text: string): Promise<[number, number][]> {
  const result = await lintSource({
    source: { filePath: "scanned-text.txt", content: text, contentType: "text", ext: ".txt" },
    options: { config, noPhysicFilePath: true },
  });
  return result.messages.map((m) => m.range as [number, number]);
}

async function main() {
  const corpus = buildCorpus(Number(process.env.SEED ?? 1), Number(process.env.ROUNDS ?? 3));
  const found = corpus.map((e) =>
    engine.detect(e.text).map((f) => ({ detectorId: DETECTORS[f.detector].id, secret: f.secret })),
  );
  const names = new Map(Object.values(DETECTORS).map((d) => [d.id, d.name]));
  const lint = new Map<string, { found: number; planted: number; lookAlikeHits: number }>();
  for (const entry of corpus) {
    const stats = lint.get(entry.kind) ?? { found: 0, planted: 0, lookAlikeHits: 0 };
    lint.set(entry.kind, stats);
    const ranges = await secretlintRanges(entry.text);
    if (entry.lookAlike) stats.lookAlikeHits += ranges.length ? 1 : 0;
    for (const e of entry.expected.filter((x) => x.detectorId === entry.kind)) {
      stats.planted++;
      const at = entry.text.indexOf(e.secret);
      if (ranges.some(([a, b]) => a < at + e.secret.length && at < b)) stats.found++;
    }
  }
  const rows = score(corpus, found);
  console.log(`Corpus: seed ${process.env.SEED ?? 1}, ${corpus.length} texts, ${rows.length} kinds\n`);
  console.log("| id | kind | true | look-alikes | recall | precision | secretlint finds | secretlint on look-alikes |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const l = lint.get(r.kind)!;
    console.log(
      `| ${r.kind} | ${names.get(r.kind)} | ${r.trues} | ${r.lookAlikes} | ${r.recall.toFixed(2)} | ${r.precision.toFixed(2)} | ${l.found}/${l.planted} | ${l.lookAlikeHits}/${r.lookAlikes} |`,
    );
  }
  const total = rows.reduce((a, r) => ({ tp: a.tp + r.tp, fn: a.fn + r.fn, fp: a.fp + r.fp }), { tp: 0, fn: 0, fp: 0 });
  const lintTotal = [...lint.values()].reduce(
    (a, l) => ({ found: a.found + l.found, planted: a.planted + l.planted, hits: a.hits + l.lookAlikeHits }),
    { found: 0, planted: 0, hits: 0 },
  );
  console.log(
    `\nOverall: recall ${(total.tp / (total.tp + total.fn)).toFixed(3)}, precision ${(total.tp / (total.tp + total.fp)).toFixed(3)}; secretlint found ${lintTotal.found}/${lintTotal.planted} planted secrets and fired on ${lintTotal.hits} look-alike texts.`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
