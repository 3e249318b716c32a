import type { DeliveryHealth } from "@/lib/delivery/health-schema";

/**
 * The summary's 24-hour strip: one bar an hour, green for delivered, red for failed, grey where
 * nothing was sent. A picture, named in words for those who cannot see it.
 */
export function HealthStrip({ health }: { health: DeliveryHealth }) {
  const max = Math.max(1, ...health.hours.map((h) => h.delivered + h.failed));
  const label =
    health.delivered + health.failed === 0
      ? "Nothing sent in the last 24 hours"
      : `Last 24 hours: ${health.delivered} delivered, ${health.failed} failed`;
  const width = health.hours.length * 4;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} 20`}
      className="h-5 w-24 shrink-0"
      preserveAspectRatio="none"
    >
      <title>{label}</title>
      {health.hours.map((h, i) => {
        const total = h.delivered + h.failed;
        if (total === 0) return <rect key={h.hour} x={i * 4} y={18} width={3} height={2} className="fill-zinc-200" />;
        const height = Math.max(3, (total / max) * 20);
        const failed = (h.failed / total) * height;
        return (
          <g key={h.hour}>
            <rect x={i * 4} y={20 - height} width={3} height={height - failed} className="fill-emerald-500" />
            {h.failed > 0 && <rect x={i * 4} y={20 - failed} width={3} height={failed} className="fill-red-500" />}
          </g>
        );
      })}
    </svg>
  );
}
