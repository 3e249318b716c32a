import type { Metadata } from "next";
import { ScrollText, ShieldAlert } from "lucide-react";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { AuditList } from "@/components/integrations/AuditList";
import { managesSomeTeam } from "@/lib/auth/principal";
import { requirePagePrincipal } from "@/lib/auth/session";
import { listAuditEntries } from "@/lib/integrations/audit-entries";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const principal = await requirePagePrincipal();
  const mayRead = managesSomeTeam(principal);
  if (!mayRead) {
    return (
      <>
        <PageHeader title="Audit log" />
        <EmptyState
          icon={<ShieldAlert className="size-8" aria-hidden />}
          title="Only administrators and team leads can read the audit log"
        >
          It records who changed integrations, teams and tokens. Ask an account administrator if you need an entry.
        </EmptyState>
      </>
    );
  }
  const entries = await listAuditEntries(principal);
  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          principal.isAdmin
            ? "Every change to integrations, teams and tokens: who, when, where, and which fields. Secret values are never recorded."
            : "Changes to the teams you lead: who, when, and which fields. Secret values are never recorded."
        }
      />
      {entries.length === 0 ? (
        <EmptyState icon={<ScrollText className="size-8" aria-hidden />} title="Nothing recorded yet" />
      ) : (
        <AuditList entries={entries} />
      )}
    </>
  );
}
