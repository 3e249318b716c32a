// Phase (1) of `npm run bench:scan`: detection throughput on mixed ticket-like text, in MB/s, beside
// a plain read of the same text and secretlint's recommended preset alone, all in the same run.
import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { creator as recommendedPreset } from "@secretlint/secretlint-rule-preset-recommend";
import { availableParallelism, loadavg } from "node:os";
import { detectionPool, scanTexts } from "@/lib/detectors/detect";
import { engine } from "@/lib/detectors/default-engine";
import { buildCorpus } from "@/test/corpus";

// secretlint 11 keeps every profiler mark forever (quadratic over a run): off, as it was in the product.
secretLintProfiler.mark = () => {};

const FILLER = [
  "The build fails on the release branch after the merge; the retry works about half the time. ",
  "Steps to reproduce: open Settings, change the webhook URL, click Save, then Test. The token refresh fails with a 401. ",
  "const config = { retries: 3, timeoutMs: 5000, endpoint: process.env.API_URL, password: process.env.DB_PASSWORD };\n",
  "2024-05-01T10:22:13Z INFO request_id=4f2a9c7e user=42 path=/api/v1/issues?status=open status=200 duration=12ms\n",
  "See https://wiki.acme-corp.com/display/OPS/Runbook#restart and the key rotation policy before the next deploy. ",
  "| Service | Owner | On call |\n| billing | @maria | yes |\n| search | @tom | no |\n",
];

/** About `mb` MB of texts of a few KB each: prose, code, logs and tables; one in three holds a secret or look-alike. */
export function mixedTexts(mb: number): string[] {
  const corpus = buildCorpus(5, 4);
  const texts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * 1_000_000; i++) {
    const body = FILLER.map((f, k) => f.repeat(1 + ((i * 7 + k) % 5))).join("");
    const text = `Ticket ${i}: ${body}${i % 3 === 0 ? `\n${corpus[i % corpus.length].text}\n` : ""}`;
    texts.push(text);
    bytes += Buffer.byteLength(text);
  }
  return texts;
}

const secretlintConfig = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommendedPreset }] };

/** Wall time, and CPU time of the whole process (worker threads included): on a shared machine the second says what the work costs. */
async function timed(run: () => unknown): Promise<{ ms: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export async function benchDetectors(): Promise<void> {
  const texts = mixedTexts(Number(process.env.BENCH_SCAN_MB || 8));
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1_000_000;
  // Warm up first, on the whole text, this thread and every worker thread alike: V8 compiles a
  // regex to machine code only after it has run a while, and each thread compiles its own.
  for (const t of texts) engine.detect(t);
  await scanTexts(texts);

  let found = 0;
  let hits = 0;
  const read = await timed(() => {
    for (const t of texts) hits += Buffer.byteLength(t) > 0 && t.indexOf("-----BEGIN") >= 0 ? 1 : 0;
  });
  const oneCore = await timed(() => {
    for (const t of texts) found += engine.detect(t).length;
  });
  const pool = await timed(() => scanTexts(texts));
  const lint = await timed(async () => {
    for (const t of texts) {
      await lintSource({
        source: { filePath: "scanned-text.txt", content: t, contentType: "text", ext: ".txt" },
        options: { config: secretlintConfig, noPhysicFilePath: true },
      });
    }
  });

  const rate = (ms: number) => mb / (ms / 1000);
  const line = (label: string, t: { ms: number; cpuMs: number }, note: string) =>
    console.log(
      `  ${label.padEnd(30)} ${rate(t.ms).toFixed(1).padStart(7)} MB/s  ${(rate(t.ms) / rate(read.ms)).toFixed(4)}× plain read  ${rate(t.cpuMs).toFixed(1).padStart(7)} MB per CPU-second  ${note}`,
    );
  console.log(
    `detectors: ${texts.length} texts, ${mb.toFixed(2)} MB of mixed text, ${found} secrets found (${hits} PEM headers read); machine load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
  );
  line("plain read", read, "(byte count + one indexOf per text)");
  line("ours, one core", oneCore, `${(lint.ms / oneCore.ms).toFixed(1)}× secretlint`);
  line(`ours, ${detectionPool().size} worker threads`, pool, "(scanTexts over the pool)");
  line("secretlint recommended preset", lint, "(alone, profiler off)");
}
