"use client";

import { Inbox } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { EmptyState } from "@/components/ui/card";
import type { IssueView } from "@/lib/issues/queries";
import { formatCount, issuesHref } from "./format";
import { IssuePager } from "./IssuePager";
import { IssueRow, IssueTableHead } from "./IssueRow";
import { QuickView } from "./QuickView";
import { TicketButtons } from "@/components/tickets/TicketButtons";
import { useLiveIssue } from "@/components/sync/use-live-issue";
import type { TicketProviders } from "@/lib/issues/options";

type Props = {
  items: IssueView[];
  query: Record<string, string | undefined>;
  teams: { id: string; name: string }[];
  total: number;
  page: number;
  pageSize: number;
  nextCursor: string | null;
  providers: TicketProviders;
  /** Opened at load: a link from Slack or PagerDuty names the issue in `?issue=`. */
  initialIssue: IssueView | null;
};

/** The issues of one page, a pager, and the quick view of the one chosen. */
export function IssueTable({ items, query, teams, total, page, pageSize, nextCursor, providers, initialIssue }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<IssueView | null>(initialIssue);
  const shown = useLiveIssue(selected);
  const teamName = (id: string | null) => teams.find((t) => t.id === id)?.name ?? null;

  return (
    <>
      {items.length === 0 ? (
        <EmptyState icon={<Inbox className="size-8" aria-hidden />} title="No issues match these filters">
          Change the filters or pick another tab. New scans appear here as soon as they are ingested.
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
          <table className="w-full table-fixed text-left text-sm">
            <caption className="sr-only">
              Issues, {formatCount(total)} in all. Choose a detector to open its quick view.
            </caption>
            <IssueTableHead />
            <tbody className="divide-y divide-zinc-100">
              {items.map((issue) => (
                <IssueRow key={issue.id} issue={issue} teamName={teamName(issue.teamId)} onSelect={setSelected} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <IssuePager
        shown={items.length}
        total={total}
        page={page}
        pageSize={pageSize}
        nextHref={nextCursor ? issuesHref(query, { cursor: nextCursor, page: String(page + 1) }) : null}
      />
      <QuickView
        issue={shown}
        teamName={shown ? teamName(shown.teamId) : null}
        onOpenChange={(open) => !open && setSelected(null)}
        onChanged={(issue) => {
          setSelected(issue);
          router.refresh();
        }}
        ticketActions={(issue) => (
          <TicketButtons
            issue={issue}
            providers={providers}
            onCreated={(updated) => (setSelected(updated), router.refresh())}
          />
        )}
      />
    </>
  );
}
