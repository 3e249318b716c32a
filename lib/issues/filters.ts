import { zodFieldErrors } from "@/lib/api/respond";
import { textProblems } from "@/lib/api/text";
import { ValidationError } from "@/lib/errors";
import { type IssueFilters, issueFiltersSchema } from "./schemas";

/** Query-string filters (REST list and page URL). Empty values mean "any". */
export function parseIssueFilters(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): IssueFilters {
  const entries =
    params instanceof URLSearchParams
      ? [...params]
      : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const raw = Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== ""));
  const unreadable = textProblems(raw);
  if (unreadable) throw new ValidationError("Invalid filter", unreadable, 400);
  const parsed = issueFiltersSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError("Invalid filter", zodFieldErrors(parsed.error));
  return parsed.data;
}
