// @ts-nocheck
import type { TestResult } from "@/lib/integrations/types";

/** The same text on the server and in the browser (no locale or time zone), so hydration agrees. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "Slack answered 404 no_service in 312 ms", the line a Test leaves in the toast and the card. */
export function describeTest(name: string, result: Pick<TestResult, "ok" | "status" | "message" | "durationMs">): string {
  const ms = `${Math.round(result.durationMs)} ms`;
  if (result.status === null) return `${name} could not be reached: ${result.message} (${ms})`;
  if (result.ok) return `${name} answered ${result.status} in ${ms}: ${result.message}`;
  return `${name} answered ${result.status} ${result.message} in ${ms}`;
}
