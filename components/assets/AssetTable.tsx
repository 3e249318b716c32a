"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/field";
import { formatCount } from "@/components/issues/format";
import { Time } from "@/components/ui/time";
import { setAssetTeamAction } from "@/lib/assets/actions";
import type { AssetView } from "@/lib/assets/queries";

type Props = { assets: AssetView[]; teams: { id: string; name: string }[]; canMap: boolean };

/** Scanned assets with their kind, team, last ingest and open issues; administrators map teams. */
export function AssetTable({ assets, teams, canMap }: Props) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">Assets</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium uppercase tracking-wide text-zinc-500">
          <tr>
            <th scope="col" className="px-3 py-2">
              Asset
            </th>
            <th scope="col" className="hidden w-28 px-3 py-2 sm:table-cell">
              Kind
            </th>
            <th scope="col" className="w-40 px-3 py-2">
              Team
            </th>
            <th scope="col" className="hidden w-28 px-3 py-2 md:table-cell">
              Last ingest
            </th>
            <th scope="col" className="w-24 px-3 py-2 text-right">
              Open
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {assets.map((asset) => (
            <tr key={asset.id}>
              <td className="px-3 py-2.5 align-top">
                <span className="block truncate font-medium text-zinc-900">{asset.name}</span>
                <span className="block truncate font-mono text-xs text-zinc-500">{asset.id}</span>
              </td>
              <td className="hidden px-3 py-2.5 align-top capitalize sm:table-cell">{asset.kind}</td>
              <td className="px-3 py-2.5 align-top">
                {canMap ? (
                  <TeamSelect asset={asset} teams={teams} />
                ) : (
                  (asset.teamName ?? <span className="text-zinc-500">No team</span>)
                )}
              </td>
              <td className="hidden px-3 py-2.5 align-top text-zinc-600 md:table-cell">
                {asset.lastIngestAt ? <Time iso={asset.lastIngestAt} /> : "never"}
              </td>
              <td className="px-3 py-2.5 text-right align-top">
                <Link
                  href={`/code-security/issues?kind=${asset.kind}&assetId=${encodeURIComponent(asset.id)}`}
                  className="font-medium tabular-nums text-accent-700 hover:underline"
                  aria-label={`${formatCount(asset.openIssues)} open issues in ${asset.name}`}
                >
                  {formatCount(asset.openIssues)}
                </Link>
                {asset.openBySeverity.error > 0 && (
                  <Badge tone="red" className="ml-2 hidden lg:inline-flex">
                    {formatCount(asset.openBySeverity.error)} error
                  </Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TeamSelect({ asset, teams }: { asset: AssetView; teams: { id: string; name: string }[] }) {
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState(asset.teamId ?? "");
  const [error, setError] = useState<string>();
  return (
    <div>
      <Select
        aria-label={`Team of ${asset.name}`}
        className="h-8 py-1"
        value={value}
        disabled={pending}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const next = e.target.value;
          const previous = value;
          setValue(next);
          startTransition(async () => {
            setError(undefined);
            const result = await setAssetTeamAction({ id: asset.id, teamId: next || null });
            if (!result.ok) {
              setValue(previous);
              setError(result.error);
            }
          });
        }}
      >
        <option value="">No team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </Select>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
