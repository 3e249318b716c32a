import type { NavItem } from "./nav";
import { NavLink } from "./NavLink";

/** A toolbar's heading and links, sub-links indented under theirs. Sticky, so they stay in view down a long page. */
export function NavSection({ title, links }: { title: string; links: readonly NavItem[] }) {
  return (
    <div className="sticky top-0">
      <div className="px-4 pb-2 pt-5 text-xs font-semibold uppercase tracking-wide text-zinc-500">{title}</div>
      <ul className="space-y-0.5 px-2">
        {links.map((l) => (
          <li key={l.href}>
            <NavLink href={l.href} exact={l.exact || !!l.children}>
              {l.label}
            </NavLink>
            {l.children && l.children.length > 0 && (
              <ul className="mt-0.5 ml-3 space-y-0.5 border-l border-zinc-200 pl-2">
                {l.children.map((c) => (
                  <li key={c.href}>
                    <NavLink href={c.href} className="py-1 font-normal">
                      {c.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
