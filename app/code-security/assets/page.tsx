import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Assets" };

export default function AssetsPage() {
  return (
    <main className="px-4 py-6 md:px-8">
      <PageHeader title="Assets" description="Repositories, logs, hosts and workspaces that are scanned." />
    </main>
  );
}
