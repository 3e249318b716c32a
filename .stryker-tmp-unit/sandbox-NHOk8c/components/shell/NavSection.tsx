// @ts-nocheck
import { NavLink } from "./NavLink";

/** A toolbar's heading and links. Sticky, so the links stay in view down a long page. */
export function NavSection({ title, links }: { title: string; links: readonly { href: string; label: string }[] }) {
  return (
    <div className="sticky top-0">
      <div className="px-4 pb-2 pt-5 text-xs font-semibold uppercase tracking-wide text-zinc-500">{title}</div>
      <ul className="space-y-0.5 px-2">
        {links.map((l) => (
          <li key={l.href}>
            <NavLink href={l.href}>{l.label}</NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
