// The one order of severities: filters, sorting and the forms all use it. Client-safe.

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function atOrAbove(severity: Severity, min: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[min];
}

/** For `sort`: most severe first. */
export function bySeverity<T extends { severity: Severity }>(a: T, b: T): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}

/** The items of a list at or above a minimum severity. */
export function atLeast<T extends { severity: Severity }>(list: readonly T[] | undefined, min: Severity): T[] {
  return (list ?? []).filter((item) => atOrAbove(item.severity, min));
}
