import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/components/issues/format";
import type { Overview } from "@/lib/overview/queries";

/** The assets with the most open issues, each linked to its issues. */
export function TopAssets({ assets }: { assets: Overview["topAssets"] }) {
  return (
    <Card className="p-4 sm:p-5">
      <h2 className="text-sm font-semibold text-zinc-900">Assets with the most open issues</h2>
      {assets.length === 0 ? (
        <p className="mt-3 text-sm text-zinc-500">No asset has open issues.</p>
      ) : (
        <ol className="mt-3 divide-y divide-zinc-100 text-sm">
          {assets.map((a) => (
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
  );
}
