"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayCount } from "@/lib/overview/queries";
import { dayLabel } from "@/lib/format/time";

const INK = "#52525b";

/** New and resolved issues per day, side by side. */
export default function NewVsResolvedChart({ days }: { days: DayCount[] }) {
  return (
    <div className="h-56 w-full min-w-0" aria-hidden>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 224 }}>
        <BarChart
          data={days}
          margin={{ top: 6, right: 4, bottom: 0, left: -18 }}
          barGap={1}
          barCategoryGap="18%"
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="#e4e4e7" />
          <XAxis
            dataKey="day"
            tickFormatter={dayLabel}
            tick={{ fontSize: 11, fill: INK }}
            minTickGap={24}
            tickLine={false}
            axisLine={{ stroke: "#d4d4d8" }}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: 11, fill: INK }}
            tickLine={false}
            axisLine={false}
            width={44}
          />
          <Tooltip labelFormatter={(d) => dayLabel(String(d))} contentStyle={{ fontSize: 12, borderRadius: 6 }} />
          {/* Names in ink, not in the series' colours: the green of "Resolved" is 2.5:1 on white. */}
          <Legend
            iconType="square"
            iconSize={10}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value) => <span style={{ color: INK }}>{value}</span>}
          />
          <Bar dataKey="opened" name="New" fill="#4f46e5" isAnimationActive={false} />
          <Bar dataKey="resolved" name="Resolved" fill="#10b981" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
