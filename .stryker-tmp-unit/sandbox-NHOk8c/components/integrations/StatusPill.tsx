// @ts-nocheck
import { Badge } from "@/components/ui/badge";
import type { IntegrationStatus } from "@/lib/integrations/views";
import { formatTime } from "./format";

const words = {
  not_configured: { tone: "neutral", text: "Not configured" },
  untested: { tone: "blue", text: "Saved · not tested yet" },
  connected: { tone: "green", text: "Connected" },
  failing: { tone: "red", text: "Error" },
  disabled: { tone: "amber", text: "Disabled" },
} as const;

/** The integration's state in words (colour only repeats them). */
export function StatusPill({ status }: { status: IntegrationStatus }) {
  const { tone, text } = words[status.state];
  return (
    <Badge tone={tone}>
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {text}
      {status.state === "failing" && status.lastErrorAt && <span className="font-normal">· {formatTime(status.lastErrorAt)}</span>}
    </Badge>
  );
}

/** The detail line under the heading: the last error with its time, or why it is disabled. */
export function StatusDetail({ status }: { status: IntegrationStatus }) {
  if (status.state === "failing" && status.lastError) {
    return (
      <p className="text-sm text-red-800">
        Last error at <time dateTime={status.lastErrorAt ?? undefined}>{formatTime(status.lastErrorAt)}</time>: {status.lastError}
      </p>
    );
  }
  if (status.state === "disabled") {
    return <p className="text-sm text-amber-900">Disabled{status.disabledReason ? `: ${status.disabledReason}` : " by an administrator"}. Nothing is sent until it is enabled again.</p>;
  }
  if (status.state === "connected" && status.lastSuccessAt) {
    return (
      <p className="text-sm text-zinc-600">
        Last success at <time dateTime={status.lastSuccessAt}>{formatTime(status.lastSuccessAt)}</time>
      </p>
    );
  }
  return null;
}
