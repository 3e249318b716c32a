"use client";

import type { AssetView } from "@/lib/assets/queries";
import { AssetRow } from "./AssetRow";

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
            <AssetRow key={asset.id} asset={asset} teams={teams} canMap={canMap} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
