// @ts-nocheck
import { NavSection } from "@/components/shell/NavSection";
import { SETTINGS_LINKS } from "@/components/shell/nav";

/** The settings toolbar beside every settings page. */
export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-full flex-col md:flex-row">
      <nav aria-label="Settings" className="hidden w-48 shrink-0 border-r border-zinc-200 bg-zinc-50/60 md:block">
        <NavSection title="Settings" links={SETTINGS_LINKS} />
      </nav>
      <main className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</main>
    </div>
  );
}
