"use client";

import { ChevronLeft, ChevronRight, Inbox } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SeverityBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import type { IssueView } from "@/lib/issues/queries";
import { Time } from "@/components/ui/time";
import { formatCount, issuesHref } from "./format";
import { QuickView } from "./QuickView";
import { TicketButtons } from "@/components/tickets/TicketButtons";
import { TicketStatus } from "@/components/sync/TicketStatus";
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

export function IssueTable({ items, query, teams, total, page, pageSize, nextCursor, providers, initialIssue }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<IssueView | null>(initialIssue);
  const shown = useLiveIssue(selected);
  const teamName = (id: string | null) => teams.find((t) => t.id === id)?.name ?? null;
  const first = (page - 1) * pageSize + 1;

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
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium uppercase tracking-wide text-zinc-500">
              <tr>
                <th scope="col" className="w-20 px-3 py-2">
                  Sev
                </th>
                <th scope="col" className="px-3 py-2">
                  Detector
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  Asset / file
                </th>
                <th scope="col" className="hidden w-28 px-3 py-2 lg:table-cell">
                  Team
                </th>
                <th scope="col" className="hidden w-24 px-3 py-2 md:table-cell">
                  First seen
                </th>
                <th scope="col" className="hidden w-36 px-3 py-2 md:table-cell">
                  Ticket
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {items.map((issue) => (
                <tr key={issue.id} className="cursor-pointer hover:bg-zinc-50" onClick={() => setSelected(issue)}>
                  <td className="px-3 py-2.5 align-top">
                    <SeverityBadge severity={issue.severity} />
                  </td>
                  <td className="px-3 py-2.5 align-top">
                    <button
                      type="button"
                      className="line-clamp-2 w-full text-left font-medium text-zinc-900 hover:underline"
                      title={`${issue.detectorName} (${issue.detectorId})`}
                      onClick={(e) => (e.stopPropagation(), setSelected(issue))}
                    >
                      {issue.detectorName} <span className="font-normal text-zinc-500">({issue.detectorId})</span>
                    </button>
                    <span className="block truncate text-xs text-zinc-500 sm:hidden">
                      {issue.assetName ?? issue.assetId} · {issue.path}
                    </span>
                  </td>
                  <td className="hidden px-3 py-2.5 align-top sm:table-cell">
                    <span className="block truncate">{issue.assetName ?? issue.assetId}</span>
                    <span className="block truncate font-mono text-xs text-zinc-500">{issue.path}</span>
                  </td>
                  <td className="hidden truncate px-3 py-2.5 align-top lg:table-cell">
                    {teamName(issue.teamId) ?? <span className="text-zinc-500">—</span>}
                  </td>
                  <td className="hidden px-3 py-2.5 align-top text-zinc-600 md:table-cell">
                    <Time iso={issue.firstSeen} />
                  </td>
                  <td className="hidden px-3 py-2.5 align-top md:table-cell">
                    {issue.tickets.length === 0 ? (
                      <span className="text-zinc-500">—</span>
                    ) : (
                      issue.tickets.map((t) => (
                        <span key={t.provider} className="block truncate">
                          {t.key} <TicketStatus ticket={t} />
                        </span>
                      ))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="mt-3 flex items-center justify-end gap-3 text-sm text-zinc-600">
        <span aria-live="polite">
          {items.length
            ? `${formatCount(first)}–${formatCount(first + items.length - 1)} of ${formatCount(total)}`
            : `0 of ${formatCount(total)}`}
        </span>
        {page > 1 && (
          <button
            type="button"
            onClick={() => router.back()}
            className="inline-flex items-center gap-1 rounded-md px-2 py-1 hover:bg-zinc-100"
          >
            <ChevronLeft className="size-4" aria-hidden /> Previous
          </button>
        )}
        {nextCursor && (
          <Link
            href={issuesHref(query, { cursor: nextCursor, page: String(page + 1) })}
            scroll={false}
            className="inline-flex items-center gap-1 rounded-md px-2 py-1 hover:bg-zinc-100"
          >
            Next <ChevronRight className="size-4" aria-hidden />
          </Link>
        )}
      </nav>
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
