const numberFormat = new Intl.NumberFormat("en-US");

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** Only http(s) links are rendered as links: a scanner's uri must never become `javascript:`. */
export function safeHref(uri: string | null | undefined): string | null {
  if (!uri) return null;
  try {
    const url = new URL(uri);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The issues page URL with some query parameters changed; a changed filter starts at page one. */
export function issuesHref(
  current: Record<string, string | undefined>,
  changes: Record<string, string | undefined>,
): string {
  const params = new URLSearchParams();
  const resetsPaging = Object.keys(changes).some((k) => k !== "cursor" && k !== "page" && k !== "issue");
  const merged = { ...current, ...(resetsPaging ? { cursor: undefined, page: undefined } : {}), ...changes };
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  const query = params.toString();
  return `/code-security/issues${query ? `?${query}` : ""}`;
}
