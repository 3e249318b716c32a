import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Issues" };

export default function IssuesPage() {
  return (
    <main className="px-4 py-6 md:px-8">
      <PageHeader title="Issues" description="Findings from every scanned asset." />
    </main>
  );
}
