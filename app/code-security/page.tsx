import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight, CheckCircle2 } from "lucide-react";
import { Card, PageHeader } from "@/components/ui/card";
import { formatCount } from "@/components/issues/format";
import { LazyNewVsResolved } from "@/components/overview/LazyNewVsResolved";
import { StatusDetail, StatusPill } from "@/components/integrations/StatusPill";
import { managesSomeTeam } from "@/lib/auth/principal";
import { requirePagePrincipal } from "@/lib/auth/session";
import { KIND_ORDER, SEVERITY_ORDER, loadOverview, type Overview } from "@/lib/overview/queries";
import { cn } from "@/lib/cn";

export const metadata: Metadata = { title: "Overview" };

const KIND_NAMES = { code: "Code", log: "Log", host: "Host", productivity: "Productivity", asset: "Asset" } as const;
const SEVERITY_BAR = { error: "bg-red-500", warning: "bg-amber-400", info: "bg-accent-500" } as const;

/** The landing page after sign-in: where the open issues are, how they move, and what needs fixing. */
export default async function OverviewPage() {
  const principal = await requirePagePrincipal();
  const overview = await loadOverview(principal);
  const manages = managesSomeTeam(principal);
  const opened = overview.days.reduce((n, d) => n + d.opened, 0);
  const resolved = overview.days.reduce((n, d) => n + d.resolved, 0);
  return (
    <main className="px-4 py-6 md:px-8">
      <PageHeader
        title="Overview"
        description="Open issues across every asset, how they moved over the last 30 days, and what needs attention."
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <OpenIssues overview={overview} />
        <Card className="p-4 sm:p-5">
          <h2 className="text-sm font-semibold text-zinc-900">Assets with the most open issues</h2>
          {overview.topAssets.length === 0 ? (
            <p className="mt-3 text-sm text-zinc-500">No asset has open issues.</p>
          ) : (
            <ol className="mt-3 divide-y divide-zinc-100 text-sm">
              {overview.topAssets.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-3 py-1.5">
                  <Link
                    href={`/code-security/issues?kind=${a.kind}&assetId=${encodeURIComponent(a.id)}`}
                    className="min-w-0 truncate font-medium text-accent-700 hover:underline"
                  >
                    {a.name}
                  </Link>
                  <span className="shrink-0 text-zinc-600 tabular-nums">
                    {formatCount(a.open)} open
                    {a.errors > 0 && <span className="text-red-700"> · {formatCount(a.errors)} error</span>}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card className="p-4 sm:p-5 lg:col-span-2">
          <figure aria-labelledby="new-vs-resolved-caption" className="space-y-2">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-sm font-semibold text-zinc-900">New vs resolved, 30 days</h2>
              <p className="text-xs text-zinc-600">
                {formatCount(opened)} new · {formatCount(resolved)} resolved
              </p>
            </div>
            <LazyNewVsResolved days={overview.days} />
            <figcaption id="new-vs-resolved-caption" className="text-xs text-zinc-500">
              Issues found (new) and resolved per day over the last 30 days, in UTC days: {formatCount(opened)} new and{" "}
              {formatCount(resolved)} resolved in all.
            </figcaption>
          </figure>
        </Card>
        {manages && <Attention items={overview.attention} />}
      </div>
    </main>
  );
}

function OpenIssues({ overview }: { overview: Overview }) {
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

function Attention({ items }: { items: Overview["attention"] }) {
  return (
    <Card className="p-4 sm:p-5 lg:col-span-2">
      <h2 className="text-sm font-semibold text-zinc-900">Integrations needing attention</h2>
      {items.length === 0 ? (
        <p className="mt-2 flex items-center gap-2 text-sm text-zinc-600">
          <CheckCircle2 className="size-4 text-emerald-600" aria-hidden /> Every integration you manage is working.
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-zinc-100 text-sm">
          {items.map((i) => (
            <li key={`${i.provider}:${i.teamId}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span className="font-medium text-zinc-900">
                {i.name}
                <span className="font-normal text-zinc-500"> · {i.teamName ? `Team ${i.teamName}` : "Global"}</span>
              </span>
              <StatusPill status={i.status} />
              <StatusDetail status={i.status} className="min-w-0 flex-1 truncate text-xs" />
              <Link
                href={`/code-security/settings/integrations?scope=${i.teamId ?? "global"}&open=${i.provider}`}
                className="ml-auto inline-flex items-center gap-1 text-sm font-medium text-accent-700 hover:underline"
                aria-label={`Configure ${i.name}${i.teamName ? ` of team ${i.teamName}` : ""}`}
              >
                Configure <ArrowRight className="size-3.5" aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
