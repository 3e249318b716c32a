"use client";

import { useState } from "react";
import type { Summary } from "@/lib/integrations/ui";
import type { IntegrationView } from "@/lib/integrations/views";
import { IntegrationCard, type IntegrationCardProps } from "./IntegrationCard";

/**
 * A card with its provider's summary line under the heading: at global scope a fact learned from
 * the vendor (monday's account), which a passing Test updates at once; at team scope a sentence.
 */
export function SummaryCard({ summary, ...props }: IntegrationCardProps & { summary: Summary }) {
  const { view, teamId } = props;
  const [tested, setTested] = useState<string | undefined>();
  const global = summary.global;
  const value = global && (tested ?? settingOf(view, global.setting));
  const subtitle =
    teamId !== null ? (
      summary.team && <p className="text-sm text-zinc-600">{summary.team}</p>
    ) : value ? (
      <p className="text-sm text-zinc-600">
        {global.label}: <span className="font-medium text-zinc-900">{value}</span>
      </p>
    ) : null;
  const onTested = global ? (r: { ok: boolean; accountDomain?: string }) => r.ok && r[global.setting] && setTested(r[global.setting]) : undefined;
  return <IntegrationCard {...props} subtitle={subtitle} onTested={onTested} />;
}

function settingOf(view: IntegrationView, name: string): string | undefined {
  return typeof view.settings[name] === "string" ? view.settings[name] : undefined;
}
