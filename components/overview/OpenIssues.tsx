import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/components/issues/format";
import { KIND_ORDER, SEVERITY_ORDER, type Overview } from "@/lib/overview/queries";
import { cn } from "@/lib/cn";

const KIND_NAMES = { code: "Code", log: "Log", host: "Host", productivity: "Productivity", asset: "Asset" } as const;
const SEVERITY_BAR = { error: "bg-red-500", warning: "bg-amber-400", info: "bg-accent-500" } as const;

/** The open issues by severity, as bars, and by kind, each linked to its filtered list. */
export function OpenIssues({ overview }: { overview: Overview }) {
  const max = Math.max(1, ...SEVERITY_ORDER.map((s) => overview.bySeverity[s]));
  return (
    <Card className="p-4 sm:p-5">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold text-zinc-900">Open issues</h2>
        <Link
          href="/code-security/issues?status=open"
          className="text-sm font-semibold text-accent-700 tabular-nums hover:underline"
        >
          {formatCount(overview.open)} open
        </Link>
      </div>
      <figure aria-labelledby="by-severity-caption" className="mt-3">
        <figcaption id="by-severity-caption" className="sr-only">
          Open issues by severity: {SEVERITY_ORDER.map((s) => `${overview.bySeverity[s]} ${s}`).join(", ")}
        </figcaption>
        <ul className="space-y-1.5 text-sm" aria-hidden>
          {SEVERITY_ORDER.map((s) => (
            <li key={s} className="grid grid-cols-[4.5rem_minmax(0,1fr)_3.5rem] items-center gap-2">
              <span className="text-zinc-700">{s}</span>
              <span className="h-2 rounded-full bg-zinc-100">
                <span
                  className={cn("block h-2 rounded-full", SEVERITY_BAR[s])}
                  style={{ width: `${(overview.bySeverity[s] / max) * 100}%` }}
                />
              </span>
              <span className="text-right text-zinc-900 tabular-nums">{formatCount(overview.bySeverity[s])}</span>
            </li>
          ))}
        </ul>
      </figure>
      <h3 className="mt-4 text-xs font-medium text-zinc-500">By kind</h3>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {KIND_ORDER.map((k) => (
          <li key={k}>
            <Link
              href={`/code-security/issues?kind=${k}&status=open`}
              className="text-zinc-700 hover:text-accent-700 hover:underline"
            >
              {KIND_NAMES[k]}{" "}
              <span className="font-semibold text-zinc-900 tabular-nums">{formatCount(overview.byKind[k])}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
