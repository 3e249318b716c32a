import { NavLink } from "@/components/shell/NavLink";
import { SETTINGS_LINKS } from "@/components/shell/nav";

/** The settings toolbar beside every settings page. */
export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-full flex-col md:flex-row">
      <nav aria-label="Settings" className="hidden w-48 shrink-0 border-r border-zinc-200 bg-zinc-50/60 md:block">
        <div className="sticky top-0">
          <div className="px-4 pb-2 pt-5 text-xs font-semibold uppercase tracking-wide text-zinc-500">Settings</div>
          <ul className="space-y-0.5 px-2">
            {SETTINGS_LINKS.map((l) => (
              <li key={l.href}>
                <NavLink href={l.href}>{l.label}</NavLink>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <main className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</main>
    </div>
  );
}
