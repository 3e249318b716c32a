import Link from "next/link";
import { ArrowRight, CheckCircle2 } from "lucide-react";
import { Card } from "@/components/ui/card";
import { StatusDetail, StatusPill } from "@/components/integrations/StatusPill";
import type { Overview } from "@/lib/overview/queries";

/** The integrations whoever manages them should look at, each with its Configure link. */
export function Attention({ items }: { items: Overview["attention"] }) {
  return (
    <Card className="p-4 sm:p-5 lg:col-span-2">
      <h2 className="text-sm font-semibold text-zinc-900">Integrations needing attention</h2>
      {items.length === 0 ? (
        <p className="mt-2 flex items-center gap-2 text-sm text-zinc-600">
          <CheckCircle2 className="size-4 text-emerald-600" aria-hidden /> Every integration you manage is working.
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-zinc-100 text-sm">
          {items.map((i) => (
            <li key={`${i.provider}:${i.teamId}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span className="font-medium text-zinc-900">
                {i.name}
                <span className="font-normal text-zinc-500"> · {i.teamName ? `Team ${i.teamName}` : "Global"}</span>
              </span>
              <StatusPill status={i.status} />
              <StatusDetail status={i.status} className="min-w-0 flex-1 truncate text-xs" />
              <Link
                href={`/code-security/settings/integrations?scope=${i.teamId ?? "global"}&open=${i.provider}`}
                className="ml-auto inline-flex items-center gap-1 text-sm font-medium text-accent-700 hover:underline"
                aria-label={`Configure ${i.name}${i.teamName ? ` of team ${i.teamName}` : ""}`}
              >
                Configure <ArrowRight className="size-3.5" aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
