import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import type { Principal } from "@/lib/auth/principal";
import { topRole } from "@/lib/auth/principal";
import { NavSection } from "./NavSection";
import { sectionLinks } from "./nav";
import { MobileNav } from "./MobileNav";
import { UserMenu } from "./UserMenu";

const roleLabel = { admin: "Administrator", lead: "Team lead", member: "Member" } as const;

/** Left toolbar (products), second toolbar (Code Security sections), and the page. */
export function AppShell({ principal, children }: { principal: Principal; children: React.ReactNode }) {
  const top = topRole(principal);
  const role = roleLabel[top];
  const links = sectionLinks(top);
  return (
    <div className="flex min-h-dvh">
      <nav
        aria-label="Products"
        className="hidden w-16 shrink-0 flex-col items-center border-r border-zinc-800 bg-zinc-900 py-4 md:flex"
      >
        <Link
          href="/code-security"
          className="sticky top-4 flex flex-col items-center gap-1 rounded-md px-1 py-2 text-[10px] font-medium leading-tight text-white hover:bg-zinc-800"
        >
          <ShieldCheck className="size-6 text-accent-100" aria-hidden />
          <span className="text-center">Code Security</span>
        </Link>
      </nav>
      <nav
        aria-label="Code Security"
        className="hidden w-48 shrink-0 flex-col border-r border-zinc-200 bg-white md:flex"
      >
        <NavSection title="Code Security" links={links} />
      </nav>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-3 border-b border-zinc-200 bg-white px-4 md:px-6">
          <div className="flex items-center gap-2">
            <MobileNav links={links} />
            <span className="flex items-center gap-2 text-sm font-semibold text-zinc-900 md:hidden">
              <ShieldCheck className="size-5 text-accent-600" aria-hidden /> Code Security
            </span>
          </div>
          <UserMenu name={principal.name} email={principal.email} role={role} />
        </header>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
