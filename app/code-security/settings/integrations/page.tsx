import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Integrations" };

export default function IntegrationsPage() {
  return <PageHeader title="Integrations" description="Connect Code Security to the tools your teams use." />;
}
