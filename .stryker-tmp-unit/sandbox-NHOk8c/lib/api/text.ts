// @ts-nocheck
import type { FieldErrors } from "@/lib/errors";

/**
 * Why a string cannot be stored or compared as text, or null. Postgres refuses NUL in text (and
 * the error would quote the value), and a lone UTF-16 surrogate has no UTF-8 form: the driver
 * would silently store a replacement character instead.
 */
export function textProblem(value: string): string | null {
  if (value.includes("\u0000")) return "Contains a NUL character";
  if (!value.isWellFormed()) return "Contains an unpaired UTF-16 surrogate";
  return null;
}

const MAX_PROBLEMS = 20;

/** Every string of a JSON value checked with textProblem, problems keyed by path (`findings[3].content`). */
export function textProblems(value: unknown): FieldErrors | null {
  const problems: FieldErrors = {};
  let count = 0;
  const visit = (v: unknown, path: string) => {
    if (count >= MAX_PROBLEMS) return;
    if (typeof v === "string") {
      const problem = textProblem(v);
      if (problem) {
        problems[path || "body"] = problem;
        count++;
      }
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, `${path}[${i}]`));
    } else if (v && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        const keyProblem = textProblem(key);
        if (keyProblem) {
          problems[path || "body"] = `A field name: ${keyProblem.toLowerCase()}`;
          count++;
        } else visit(item, at);
      }
    }
  };
  visit(value, "");
  return count ? problems : null;
}
