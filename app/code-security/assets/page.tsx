import type { Metadata } from "next";
import { Boxes } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { AssetTable } from "@/components/assets/AssetTable";
import { listAssets } from "@/lib/assets/queries";
import { requirePagePrincipal } from "@/lib/auth/session";
import { teamOptions } from "@/lib/issues/options";

export const metadata: Metadata = { title: "Assets" };

export default async function AssetsPage() {
  const principal = await requirePagePrincipal();
  const [assets, teams] = await Promise.all([listAssets(), teamOptions()]);
  return (
    <main className="px-4 py-6 md:px-8">
      <PageHeader
        title="Assets"
        description={
          principal.isAdmin
            ? "Repositories, logs, hosts and workspaces that are scanned. Map an asset to a team and that team's integrations hear about its issues too."
            : "Repositories, logs, hosts and workspaces that are scanned. An administrator maps each asset to a team."
        }
      />
      {assets.length === 0 ? (
        <EmptyState icon={<Boxes className="size-8" aria-hidden />} title="No assets yet">
          An asset appears when a scanner first posts its results to{" "}
          <code className="font-mono">POST /api/v1/ingest</code>.
        </EmptyState>
      ) : (
        <AssetTable assets={assets} teams={teams} canMap={principal.isAdmin} />
      )}
    </main>
  );
}
