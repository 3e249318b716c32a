"use client";

import { SeverityBadge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { TicketStatus } from "@/components/sync/TicketStatus";
import type { IssueView } from "@/lib/issues/queries";

/** One issue; a click anywhere on the row, or on its detector button, opens the quick view. */
export function IssueRow({
  issue,
  teamName,
  onSelect,
}: {
  issue: IssueView;
  teamName: string | null;
  onSelect: (issue: IssueView) => void;
}) {
  return (
    <tr className="cursor-pointer hover:bg-zinc-50" onClick={() => onSelect(issue)}>
      <td className="px-3 py-2.5 align-top">
        <SeverityBadge severity={issue.severity} />
      </td>
      <td className="px-3 py-2.5 align-top">
        <button
          type="button"
          className="line-clamp-2 w-full text-left font-medium text-zinc-900 hover:underline"
          title={`${issue.detectorName} (${issue.detectorId})`}
          onClick={(e) => (e.stopPropagation(), onSelect(issue))}
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
        {teamName ?? <span className="text-zinc-500">—</span>}
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
  );
}

/** The column headings; the narrower the screen, the fewer columns. */
export function IssueTableHead() {
  return (
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
  );
}
