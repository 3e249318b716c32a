import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { IssueFilters } from "@/components/issues/IssueFilters";
import { IssueTable } from "@/components/issues/IssueTable";
import { IssueTabs, PANEL_ID, tabId } from "@/components/issues/IssueTabs";
import { assetOptions } from "@/lib/assets/queries";
import { requirePagePrincipal } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { parseIssueFilters } from "@/lib/issues/filters";
import { detectorOptions, teamOptions, configuredTicketProviders } from "@/lib/issues/options";
import { countIssuesByKind, getIssue, listIssues } from "@/lib/issues/queries";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Issues" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function IssuesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePrincipal();
  const raw = await searchParams;
  const query = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // The table shows open issues unless asked otherwise; "all" means any status.
  const status = query.status === "all" ? undefined : (query.status ?? "open");
  const kind = query.kind ?? "code";
  let filters;
  try {
    filters = parseIssueFilters({ ...query, status, kind, issue: undefined, page: undefined, limit: "50" });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // A hand-edited URL with a bad filter falls back to the default view rather than failing.
    filters = parseIssueFilters({ kind: "code", status: "open", limit: "50" });
  }
  const page = Math.max(1, Number(query.page) || 1);
  const issueId = isUuid(query.issue) ? query.issue : null;

  const [list, counts, teams, assets, detectors, providers, initialIssue] = await Promise.all([
    listIssues(filters),
    countIssuesByKind(filters),
    teamOptions(),
    assetOptions(),
    detectorOptions(),
    configuredTicketProviders(),
    issueId ? getIssue(issueId) : Promise.resolve(null),
  ]);
  const active = filters.kind ?? "code";

  return (
    <main className="px-4 py-6 md:px-8">
      <PageHeader
        title="Issues"
        description="Findings from every scanned asset. Choose an issue to see its details, tickets and status."
      />
      <IssueTabs active={active} counts={counts} query={query} />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(active)}>
        <IssueFilters query={query} teams={teams} assets={assets} detectors={detectors} />
        <IssueTable
          key={`${JSON.stringify(query)}`}
          items={list.items}
          query={query}
          teams={teams}
          total={counts[active]}
          page={page}
          pageSize={filters.limit}
          nextCursor={list.nextCursor}
          providers={providers}
          initialIssue={initialIssue && !initialIssue.deletedAt ? initialIssue : null}
        />
      </div>
    </main>
  );
}
