import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { STATUS_WORDS, statusDetail, type IntegrationStatus, type StatusState } from "@/lib/integrations/status";
import { cn } from "@/lib/cn";

const tones: Record<StatusState, "neutral" | "green" | "red" | "amber" | "blue"> = {
  not_configured: "neutral",
  connected: "green",
  failing: "red",
  disabled: "amber",
  paused: "amber",
};

const marks: Record<StatusState, string> = {
  not_configured: "○",
  connected: "●",
  failing: "▲",
  disabled: "⏸",
  paused: "⏸",
};

/** The integration's state in words (colour and mark only repeat them): the same everywhere. */
export function StatusPill({ status }: { status: IntegrationStatus }) {
  return (
    <Badge tone={tones[status.state]} className="whitespace-nowrap">
      <span aria-hidden>{marks[status.state]}</span>
      <span>{STATUS_WORDS[status.state]}</span>
      {status.state === "failing" && status.since && <Time iso={status.since} className="font-normal" />}
    </Badge>
  );
}

/** The line beside or under the pill: the last success, the last error, or why nothing is sent. */
export function StatusDetail({ status, className }: { status: IntegrationStatus; className?: string }) {
  const detail = statusDetail(status);
  if (status.state === "connected" && status.lastSuccessAt) {
    return (
      <span className={cn("text-zinc-600", className)}>
        last success <Time iso={status.lastSuccessAt} />
      </span>
    );
  }
  if (!detail) return null;
  const tone =
    status.state === "failing" ? "text-red-800" : status.state === "connected" ? "text-zinc-600" : "text-amber-900";
  return (
    <span className={cn(tone, className)} title={detail}>
      {detail}
    </span>
  );
}
