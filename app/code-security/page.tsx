import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { Attention } from "@/components/overview/Attention";
import { NewVsResolved } from "@/components/overview/NewVsResolved";
import { OpenIssues } from "@/components/overview/OpenIssues";
import { TopAssets } from "@/components/overview/TopAssets";
import { managesSomeTeam } from "@/lib/auth/principal";
import { requirePagePrincipal } from "@/lib/auth/session";
import { loadOverview } from "@/lib/overview/queries";

export const metadata: Metadata = { title: "Overview" };

/** The landing page after sign-in: where the open issues are, how they move, and what needs fixing. */
export default async function OverviewPage() {
  const principal = await requirePagePrincipal();
  const overview = await loadOverview(principal);
  return (
    <main className="px-4 py-6 md:px-8">
      <PageHeader
        title="Overview"
        description="Open issues across every asset, how they moved over the last 30 days, and what needs attention."
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <OpenIssues overview={overview} />
        <TopAssets assets={overview.topAssets} />
        <NewVsResolved days={overview.days} />
        {managesSomeTeam(principal) && <Attention items={overview.attention} />}
      </div>
    </main>
  );
}
