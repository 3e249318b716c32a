import { createHash } from "node:crypto";
import type { DetectorKey } from "./catalogue";
import { engine } from "./default-engine";
import { DetectionBudgetExceeded } from "./engine";
import { excerpt, maskSpans } from "./mask";

/**
 * What a detection worker does (worker.ts runs these; tests and the one-core bench call them
 * directly). Each text gets a size cap and its own time budget.
 */

/** Beyond this a text is cut: a scan covers its first 4 M characters, a stored content ends there. */
export const MAX_TEXT_CHARS = 4 * 1024 * 1024;
export const DEFAULT_BUDGET_MS = 3000;

export type ScannedSecret = { detector: DetectorKey; secret: string; start: number; end: number; excerpt: string };
export type TextScan = { secrets: ScannedSecret[] } | { error: "budget" };
export type DetectTask = { kind: "scan" | "mask"; texts: string[]; budgetMs: number };
export type TaskResult = { kind: "scan"; scans: TextScan[] } | { kind: "mask"; masked: string[] };

export function runTask(task: DetectTask): TaskResult {
  if (task.kind === "scan") return { kind: "scan", scans: task.texts.map((t) => scanText(t, task.budgetMs)) };
  return { kind: "mask", masked: task.texts.map((t) => maskText(t, task.budgetMs)) };
}

export function scanText(text: string, budgetMs = DEFAULT_BUDGET_MS): TextScan {
  const capped = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  try {
    const found = engine.detect(capped, performance.now() + budgetMs);
    return {
      secrets: found.map((f) => ({
        detector: f.detector,
        secret: f.secret,
        start: f.start,
        end: f.end,
        excerpt: excerpt(capped, f, found),
      })),
    };
  } catch (error) {
    if (error instanceof DetectionBudgetExceeded) return { error: "budget" };
    throw error;
  }
}

/**
 * `text` with every secret masked. A text that cannot be checked in time is withheld rather than
 * stored as it is (its digest keeps two such texts apart, and the same text the same).
 */
export function maskText(text: string, budgetMs = DEFAULT_BUDGET_MS): string {
  const truncated = text.length > MAX_TEXT_CHARS;
  const capped = truncated ? text.slice(0, MAX_TEXT_CHARS) : text;
  try {
    const masked = maskSpans(capped, engine.detect(capped, performance.now() + budgetMs));
    return truncated ? `${masked}…` : masked;
  } catch (error) {
    if (!(error instanceof DetectionBudgetExceeded)) throw error;
    return withheld(text);
  }
}

export function withheld(text: string): string {
  return `[content withheld: it could not be checked for secrets in time; sha256 ${createHash("sha256").update(text).digest("hex").slice(0, 16)}]`;
}
