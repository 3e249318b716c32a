import type { TestResult } from "@/lib/integrations/types";

/** "Slack answered 404 no_service in 312 ms", the line a Test leaves in the toast and the card. */
export function describeTest(
  name: string,
  result: Pick<TestResult, "ok" | "status" | "message" | "durationMs">,
): string {
  const ms = `${Math.round(result.durationMs)} ms`;
  if (result.status === null) return `${name} could not be reached: ${result.message} (${ms})`;
  if (result.ok) return `${name} answered ${result.status} in ${ms}: ${result.message}`;
  return `${name} answered ${result.status} ${result.message} in ${ms}`;
}
