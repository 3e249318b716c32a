import { cn } from "@/lib/cn";

type Tone = "neutral" | "green" | "red" | "amber" | "blue";
const tones: Record<Tone, string> = {
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  red: "bg-red-50 text-red-800 ring-red-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  blue: "bg-accent-50 text-accent-700 ring-accent-100",
};

export function Badge({
  tone = "neutral",
  className,
  ...props
}: React.HTMLAttributes<HTMLSpanElement> & { tone?: Tone }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}

const severityTone = { error: "red", warning: "amber", info: "blue" } as const;
export function SeverityBadge({ severity }: { severity: "error" | "warning" | "info" }) {
  return <Badge tone={severityTone[severity]}>{severity}</Badge>;
}
