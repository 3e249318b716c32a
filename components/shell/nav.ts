import type { Role } from "@/lib/auth/principal";

export type NavItem = { href: string; label: string; exact?: boolean; children?: NavItem[] };

const ALL: Role[] = ["admin", "lead", "member"];
const MANAGERS: Role[] = ["admin", "lead"];

const SETTINGS: (NavItem & { roles: Role[] })[] = [
  { href: "/code-security/settings/integrations", label: "Integrations", roles: MANAGERS },
  { href: "/code-security/settings/teams", label: "Teams", roles: ALL },
  { href: "/code-security/settings/api-tokens", label: "API tokens", roles: ALL },
  { href: "/code-security/settings/audit", label: "Audit log", roles: MANAGERS },
];

/** The settings pages a role can use: analysts do not see Integrations or the Audit log. */
export function settingsLinks(role: Role): NavItem[] {
  return SETTINGS.filter((l) => l.roles.includes(role)).map(({ href, label }) => ({ href, label }));
}

/** The Code Security toolbar for a role, the settings nested under "Settings". */
export function sectionLinks(role: Role): NavItem[] {
  return [
    { href: "/code-security", label: "Overview", exact: true },
    { href: "/code-security/issues", label: "Issues" },
    { href: "/code-security/assets", label: "Assets" },
    { href: "/code-security/settings", label: "Settings", children: settingsLinks(role) },
  ];
}
