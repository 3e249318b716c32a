import { redirect } from "next/navigation";
import { topRole } from "@/lib/auth/principal";
import { requirePagePrincipal } from "@/lib/auth/session";
import { settingsLinks } from "@/components/shell/nav";

/** The first settings page this person can use (analysts have no Integrations). */
export default async function SettingsHome() {
  const principal = await requirePagePrincipal();
  redirect(settingsLinks(topRole(principal))[0].href);
}
