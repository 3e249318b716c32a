import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatCount } from "@/components/issues/format";
import { Time } from "@/components/ui/time";
import type { AssetView } from "@/lib/assets/queries";
import { AssetTeamSelect } from "./AssetTeamSelect";

type Props = { asset: AssetView; teams: { id: string; name: string }[]; canMap: boolean };

/** One asset: name and id, kind, team (a select for whoever maps teams), last ingest, open issues linked. */
export function AssetRow({ asset, teams, canMap }: Props) {
  return (
    <tr>
      <td className="px-3 py-2.5 align-top">
        <span className="block truncate font-medium text-zinc-900">{asset.name}</span>
        <span className="block truncate font-mono text-xs text-zinc-500">{asset.id}</span>
      </td>
      <td className="hidden px-3 py-2.5 align-top capitalize sm:table-cell">{asset.kind}</td>
      <td className="px-3 py-2.5 align-top">
        {canMap ? (
          <AssetTeamSelect asset={asset} teams={teams} />
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
  );
}
