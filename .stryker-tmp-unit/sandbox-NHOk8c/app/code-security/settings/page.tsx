// @ts-nocheck
import { redirect } from "next/navigation";

export default function SettingsHome() {
  redirect("/code-security/settings/integrations");
}
