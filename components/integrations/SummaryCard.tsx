"use client";

import { useState } from "react";
import type { Summary } from "@/lib/integrations/ui";
import { IntegrationCard, type IntegrationCardProps } from "./IntegrationCard";

/**
 * A card whose provider declares a summary: at global scope a fact learned from the vendor
 * (monday's account) shows in the summary line, and a passing Test updates it at once; at team
 * scope a sentence on what the team's section borrows from the global one.
 */
export function SummaryCard({ summary, ...props }: IntegrationCardProps & { summary: Summary }) {
  const { teamId } = props;
  const [tested, setTested] = useState<string | undefined>();
  const global = summary.global;
  const subtitle =
    teamId !== null && summary.team ? (
      <p className="rounded-md bg-zinc-50 p-3 text-sm text-zinc-700">{summary.team}</p>
    ) : undefined;
  const note = teamId === null && tested ? <span className="font-mono text-zinc-700">{tested}</span> : undefined;
  const onTested = global
    ? (r: { ok: boolean; accountDomain?: string }) => r.ok && r[global.setting] && setTested(r[global.setting])
    : undefined;
  return <IntegrationCard {...props} subtitle={subtitle} note={note} onTested={onTested} />;
}
