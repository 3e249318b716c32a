// @ts-nocheck
import { AppShell } from "@/components/shell/AppShell";
import { requirePagePrincipal } from "@/lib/auth/session";

export default async function CodeSecurityLayout({ children }: { children: React.ReactNode }) {
  const principal = await requirePagePrincipal();
  return <AppShell principal={principal}>{children}</AppShell>;
}
