import { Card } from "@/components/ui/card";
import { formatCount } from "@/components/issues/format";
import type { Overview } from "@/lib/overview/queries";
import { LazyNewVsResolved } from "./LazyNewVsResolved";

/** The 30-day chart of new and resolved issues, as a figure whose caption says its totals. */
export function NewVsResolved({ days }: { days: Overview["days"] }) {
  const opened = days.reduce((n, d) => n + d.opened, 0);
  const resolved = days.reduce((n, d) => n + d.resolved, 0);
  return (
    <Card className="p-4 sm:p-5 lg:col-span-2">
      <figure aria-labelledby="new-vs-resolved-caption" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-sm font-semibold text-zinc-900">New vs resolved, 30 days</h2>
          <p className="text-xs text-zinc-600">
            {formatCount(opened)} new · {formatCount(resolved)} resolved
          </p>
        </div>
        <LazyNewVsResolved days={days} />
        <figcaption id="new-vs-resolved-caption" className="text-xs text-zinc-500">
          Issues found (new) and resolved per day over the last 30 days, in UTC days: {formatCount(opened)} new and{" "}
          {formatCount(resolved)} resolved in all.
        </figcaption>
      </figure>
    </Card>
  );
}
