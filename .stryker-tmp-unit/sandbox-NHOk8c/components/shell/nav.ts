// @ts-nocheck
export const SECTION_LINKS = [
  { href: "/code-security/issues", label: "Issues" },
  { href: "/code-security/assets", label: "Assets" },
  { href: "/code-security/settings", label: "Settings" },
] as const;

export const SETTINGS_LINKS = [
  { href: "/code-security/settings/integrations", label: "Integrations" },
  { href: "/code-security/settings/teams", label: "Teams" },
  { href: "/code-security/settings/api-tokens", label: "API tokens" },
  { href: "/code-security/settings/audit", label: "Audit log" },
] as const;
