import type { AuditRow } from "@/lib/integrations/audit-entries";
import { Time } from "@/components/ui/time";
import { providerName } from "./provider-names";

const ACTIONS: Record<string, string> = {
  "integration.created": "Integration set up",
  "integration.updated": "Integration changed",
  "integration.deleted": "Integration removed",
  "integration.tested": "Integration tested",
};

function describeAction(action: string): string {
  return ACTIONS[action] ?? action.replace(/[._]/g, " ").replace(/^\w/, (c) => c.toUpperCase());
}

/** "webhookUrl changed, minSeverity → warning": secret fields were stored as "changed" only. */
function describeDetails(details: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof details.provider === "string") parts.push(providerName(details.provider));
  const fields = details.fields as Record<string, unknown> | undefined;
  if (fields && typeof fields === "object") {
    const changes = Object.entries(fields).map(([k, v]) => (v === "changed" ? `${k} changed` : `${k} → ${String(v)}`));
    if (changes.length) parts.push(changes.join(", "));
  }
  for (const [k, v] of Object.entries(details)) {
    if (
      !["provider", "fields", "scope"].includes(k) &&
      (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
    )
      parts.push(`${k}: ${String(v)}`);
  }
  return parts.join(" · ");
}

export function AuditList({ entries }: { entries: AuditRow[] }) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xs">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead className="hidden bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 md:table-header-group">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              When
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Who
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              What
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Scope
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {entries.map((e) => (
            // Below md each row stacks into a small card, so the page never scrolls sideways.
            <tr key={e.id} className="grid grid-cols-1 gap-0.5 px-4 py-3 md:table-row md:p-0">
              <td className="text-xs text-zinc-500 md:px-4 md:py-2.5 md:text-sm md:text-zinc-700">
                <Time iso={e.at} />
              </td>
              <td className="break-words text-zinc-900 md:px-4 md:py-2.5">{e.actorEmail}</td>
              <td className="font-medium text-zinc-900 md:px-4 md:py-2.5">{describeAction(e.action)}</td>
              <td className="text-zinc-700 md:px-4 md:py-2.5">{e.teamName ? `Team ${e.teamName}` : "Global"}</td>
              <td className="break-words text-zinc-600 md:px-4 md:py-2.5">{describeDetails(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
