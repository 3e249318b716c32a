"use client";

import { useId, useState } from "react";
import type { DeliveryHealth } from "@/lib/delivery/health-schema";
import type { TestResult } from "@/lib/integrations/types";
import type { IntegrationView } from "@/lib/integrations/views";
import { cn } from "@/lib/cn";
import { IntegrationFields } from "./IntegrationFields";
import { IntegrationFormButtons, LastTestLine } from "./IntegrationFormButtons";
import { IntegrationSummary } from "./IntegrationSummary";
import { useIntegrationActions } from "./use-integration-actions";
import { useIntegrationForm } from "./use-integration-form";

export type IntegrationCardProps = {
  view: IntegrationView;
  teamId: string | null;
  /** Beside the fields on wide screens (setup steps). */
  aside?: React.ReactNode;
  /** Under the form (signing token, deliveries). */
  extras?: React.ReactNode;
  /** At the top of the form (what a team's section borrows from the global one). */
  subtitle?: React.ReactNode;
  /** In the summary line instead of the destination (monday.com's account). */
  note?: React.ReactNode;
  /** The last 24 hours of deliveries, for the summary's strip and last delivery. */
  health?: DeliveryHealth;
  /** The form shows from the start (a link to this section asked for it). */
  initiallyOpen?: boolean;
  onTested?: (result: TestResult) => void;
};

export function IntegrationCard({
  view,
  teamId,
  aside,
  extras,
  subtitle,
  note,
  health,
  initiallyOpen = false,
  onTested,
}: IntegrationCardProps) {
  const headingId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const integrationForm = useIntegrationForm(view, teamId !== null);
  const actions = useIntegrationActions(view, teamId, integrationForm, onTested);

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-zinc-200 bg-white shadow-xs">
      <IntegrationSummary
        view={view}
        headingId={headingId}
        bodyId={bodyId}
        open={open}
        onToggle={() => setOpen((o) => !o)}
        health={health}
        note={note}
      />
      <div id={bodyId} hidden={!open} className="space-y-4 border-t border-zinc-100 px-4 py-4 sm:px-5">
        {open && (
          <>
            {subtitle}
            <form
              onSubmit={actions.onSave}
              noValidate
              className={cn("grid gap-x-6 gap-y-4", aside && "lg:grid-cols-[minmax(0,1fr)_15rem]")}
            >
              <div className={cn("min-w-0 space-y-4", !aside && "max-w-2xl")}>
                <IntegrationFields view={view} teamId={teamId} {...integrationForm} />
              </div>
              {aside && <div className="min-w-0 text-sm text-zinc-600">{aside}</div>}
              <IntegrationFormButtons name={view.name} configured={view.configured} wide={!!aside} actions={actions} />
            </form>
            {actions.lastTest && <LastTestLine lastTest={actions.lastTest} />}
            {extras}
          </>
        )}
      </div>
    </section>
  );
}
