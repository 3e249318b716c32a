import { createHash } from "node:crypto";
import { DETECTORS, type Detector } from "./catalogue";
import { DetectionPool } from "./pool";
import { DEFAULT_BUDGET_MS, withheld, type DetectTask, type TextScan } from "./tasks";

export type Detection = { detector: Detector; secret: string; start: number; end: number; excerpt: string };

const holder = globalThis as unknown as { __csDetectionPool?: DetectionPool };
/** The process's detection threads (one pool, also across Next's module reloads). */
export function detectionPool(): DetectionPool {
  holder.__csDetectionPool ??= new DetectionPool();
  return holder.__csDetectionPool;
}

// Texts go to the threads in batches of about 256 K characters: big enough that messaging costs
// little, small enough that several threads share one ingest.
const BATCH_CHARS = 256 * 1024;
const BATCH_TEXTS = 500;

function batches(texts: string[]): { from: number; texts: string[] }[] {
  const out: { from: number; texts: string[] }[] = [];
  let current: string[] = [];
  let chars = 0;
  texts.forEach((text, i) => {
    if (current.length && (chars + text.length > BATCH_CHARS || current.length >= BATCH_TEXTS)) {
      out.push({ from: i - current.length, texts: current });
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  });
  if (current.length) out.push({ from: texts.length - current.length, texts: current });
  return out;
}

/** Every secret in each text, with its excerpt (the masked context an issue stores). */
export async function scanTexts(texts: string[], budgetMs = DEFAULT_BUDGET_MS): Promise<TextScan[]> {
  const results = await Promise.all(
    batches(texts).map(async (b) => {
      const task: DetectTask = { kind: "scan", texts: b.texts, budgetMs };
      const result = await detectionPool().run(task);
      return result.kind === "scan" ? result.scans : [];
    }),
  );
  return results.flat();
}

export async function detectSecrets(text: string): Promise<Detection[]> {
  const [scan] = await scanTexts([text]);
  if ("error" in scan) throw new Error("Secret detection ran out of its time budget");
  return scan.secrets.map((s) => ({ ...s, detector: DETECTORS[s.detector] }));
}

/**
 * Each text with every secret the engine recognises masked (4 characters of each end at most).
 * Deterministic: the same text masks the same way, so identities built on masked content hold.
 * A batch whose thread fails is withheld, never stored unmasked.
 */
export async function maskTexts(texts: string[], budgetMs = DEFAULT_BUDGET_MS): Promise<string[]> {
  const out = texts.slice();
  await Promise.all(
    batches(texts).map(async (b) => {
      const pending = b.texts.map((t, i) => ({ t, i })).filter(({ t }) => t.length > 0);
      if (!pending.length) return;
      try {
        const result = await detectionPool().run({ kind: "mask", texts: pending.map((p) => p.t), budgetMs });
        if (result.kind === "mask") pending.forEach((p, k) => (out[b.from + p.i] = result.masked[k]));
      } catch (error) {
        console.error(
          `[detectors] ${error instanceof Error ? error.name : "error"}: ${pending.length} content(s) withheld`,
        );
        for (const p of pending) out[b.from + p.i] = withheld(p.t);
      }
    }),
  );
  return out;
}

/**
 * An identity that survives edits of the text around the secret: detector + secret + the container
 * it lives in (a ticket, a comment, a page). Hashed, so the secret never sits in the identity.
 */
export function secretFingerprint(detectorId: string, secret: string, container: string): string {
  return createHash("sha256").update(`${detectorId}\0${secret}\0${container}`).digest("base64url");
}
