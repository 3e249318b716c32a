"use client";

import type { DeliveryView } from "@/lib/delivery/queries";
import { DeliveryRow, ROW_GRID, SUBGRID, TABLE_GRID } from "./DeliveryRow";

/**
 * The deliveries with ARIA table roles on a grid: rows stay rows for assistive technology, and on a
 * phone each row folds onto two lines instead of scrolling sideways. From sm up the columns are the
 * table's, shared by every row through subgrid, so the headers stand over their cells whatever the
 * width of the last (actions) column.
 */
export function DeliveryTable({
  deliveries,
  onOpen,
  onRedelivered,
}: {
  deliveries: DeliveryView[];
  onOpen: (delivery: DeliveryView) => void;
  onRedelivered: () => void;
}) {
  return (
    <div
      role="table"
      aria-label="Recent deliveries, newest first"
      className={`rounded-md border border-zinc-200 text-sm ${TABLE_GRID}`}
    >
      <div
        role="rowgroup"
        className={`hidden border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 sm:grid ${SUBGRID}`}
      >
        <div role="row" className={ROW_GRID}>
          {["Time", "Event", "Status", "HTTP", "Duration", "Attempts"].map((h) => (
            <span key={h} role="columnheader" className="font-medium">
              {h}
            </span>
          ))}
          <span role="columnheader" className="sr-only">
            Actions
          </span>
        </div>
      </div>
      <div role="rowgroup" className={`divide-y divide-zinc-100 sm:grid ${SUBGRID}`}>
        {deliveries.map((d) => (
          <DeliveryRow key={d.id} delivery={d} onOpen={() => onOpen(d)} onRedelivered={onRedelivered} />
        ))}
      </div>
    </div>
  );
}
