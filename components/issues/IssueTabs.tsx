import Link from "next/link";
import { cn } from "@/lib/cn";
import type { AssetKind } from "@/lib/issues/schemas";
import { formatCount, issuesHref } from "./format";

export const KIND_TABS: { kind: AssetKind; label: string }[] = [
  { kind: "code", label: "Code" },
  { kind: "log", label: "Log" },
  { kind: "host", label: "Host" },
  { kind: "productivity", label: "Productivity" },
  { kind: "asset", label: "Asset" },
];

export const tabId = (kind: AssetKind) => `issues-tab-${kind}`;
export const PANEL_ID = "issues-panel";

/**
 * The kind tabs are links (each tab is a URL, filtered on the server), marked up as a tablist so
 * they read as tabs. A tab's name is its kind alone ("Code"); the count beside it is its
 * description ("1,204 issues"), so the name stays what the contract and a screen reader's user expect.
 */
export function IssueTabs({
  active,
  counts,
  query,
}: {
  active: AssetKind;
  counts: Record<AssetKind, number>;
  query: Record<string, string | undefined>;
}) {
  return (
    <div
      role="tablist"
      aria-label="Issue kinds"
      className="-mx-1 mb-4 flex flex-wrap gap-1 border-b border-zinc-200 px-1"
    >
      {KIND_TABS.map(({ kind, label }) => {
        const selected = kind === active;
        return (
          <Link
            key={kind}
            id={tabId(kind)}
            role="tab"
            aria-selected={selected}
            aria-controls={selected ? PANEL_ID : undefined}
            aria-describedby={`${tabId(kind)}-count`}
            href={issuesHref(query, { kind, issue: undefined })}
            scroll={false}
            className={cn(
              "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium",
              selected ? "border-accent-600 text-accent-700" : "border-transparent text-zinc-600 hover:text-zinc-900",
            )}
          >
            {label}
            <span
              id={`${tabId(kind)}-count`}
              aria-hidden
              className={cn(
                "rounded-full px-1.5 text-xs tabular-nums",
                selected ? "bg-accent-50 text-accent-700" : "bg-zinc-100 text-zinc-600",
              )}
            >
              {formatCount(counts[kind])}
              <span className="sr-only"> {counts[kind] === 1 ? "issue" : "issues"}</span>
            </span>
          </Link>
        );
      })}
    </div>
  );
}
