"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HealthHour, HealthWindow } from "@/lib/delivery/health-schema";
import { dayLabel, hourLabel } from "@/lib/format/time";

const GREEN = "#10b981";
const RED = "#ef4444";
const INK = "#52525b";

/** Deliveries per hour as stacked bars (delivered, failed) and their p95 time as a line. */
export function DeliveryHealthChart({ hours, window }: { hours: HealthHour[]; window: HealthWindow }) {
  const tick = (iso: string) => (window === "24h" ? hourLabel(iso) : dayLabel(iso));
  return (
    <div className="h-44 w-full min-w-0" aria-hidden>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 176 }}>
        <ComposedChart
          data={hours}
          margin={{ top: 6, right: 4, bottom: 0, left: -18 }}
          barCategoryGap={window === "24h" ? "20%" : 0}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="#e4e4e7" />
          <XAxis
            dataKey="hour"
            tickFormatter={tick}
            tick={{ fontSize: 11, fill: INK }}
            minTickGap={28}
            tickLine={false}
            axisLine={{ stroke: "#d4d4d8" }}
          />
          <YAxis
            yAxisId="count"
            allowDecimals={false}
            tick={{ fontSize: 11, fill: INK }}
            tickLine={false}
            axisLine={false}
            width={44}
          />
          <YAxis
            yAxisId="ms"
            orientation="right"
            tick={{ fontSize: 11, fill: INK }}
            tickLine={false}
            axisLine={false}
            width={64}
            tickFormatter={(v: number) => `${v} ms`}
            hide={hours.every((h) => h.p95Ms === null)}
          />
          <Tooltip
            labelFormatter={(iso) =>
              `${new Date(String(iso)).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" })}`
            }
            formatter={(value, name) => [name === "p95 time" ? `${value} ms` : value, name]}
            contentStyle={{ fontSize: 12, borderRadius: 6 }}
          />
          <Bar
            yAxisId="count"
            dataKey="delivered"
            name="Delivered"
            stackId="n"
            fill={GREEN}
            isAnimationActive={false}
          />
          <Bar yAxisId="count" dataKey="failed" name="Failed" stackId="n" fill={RED} isAnimationActive={false} />
          <Line
            yAxisId="ms"
            dataKey="p95Ms"
            name="p95 time"
            stroke={INK}
            strokeWidth={1.5}
            // A dot per hour with deliveries, so a lone busy hour still shows its p95 time.
            dot={{ r: 2.5, fill: INK, strokeWidth: 0 }}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
