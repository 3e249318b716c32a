// @ts-nocheck
import { redirect } from "next/navigation";
import { auth } from "./config";
import { loadPrincipal, type Principal } from "./principal";

/** The signed-in principal, or null. Roles are read fresh from the database on every request. */
export async function currentPrincipal(): Promise<Principal | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadPrincipal(userId);
}

/** For pages: the principal, or a redirect to /login. */
export async function requirePagePrincipal(): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect("/login");
  return principal;
}
