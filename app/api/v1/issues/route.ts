import { apiRoute } from "@/lib/api/handler";
import { listIssues } from "@/lib/issues/queries";
import { parseIssueFilters } from "@/lib/issues/filters";

export const GET = apiRoute({}, async ({ url }) => listIssues(parseIssueFilters(url.searchParams)));
