// @ts-nocheck
import { redirect } from "next/navigation";

export default function CodeSecurityHome() {
  redirect("/code-security/issues");
}
