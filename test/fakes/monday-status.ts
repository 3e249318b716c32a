// monday.com status columns: labels by index, their colours, which ones mean done, and the shapes
// the API and webhooks give them.
//
// API 2026-10 (monday-schema.graphql) exposes a column's labels through `Column.settings` (JSON;
// `settings_str` is deprecated "From version 2025-10, use settings instead"). For a status column
// the fake answers `settings` in the shape of the SDL's `StatusColumnSettings`: `{ type, labels:
// [{ id, label, color, index, description, is_deactivated, is_done }] }`, with colours from the
// `StatusColumnColors` enum, and `settings_str` in its legacy shape (`labels`, `labels_colors`,
// `done_colors`). An item's status reads as `StatusValue { index, label, text, is_done,
// label_style { color, border }, updated_at, value }` (https://developer.monday.com/api-reference/reference/status).
import { isObject } from "./http";
import type { MondayColumn } from "./monday-columns";

export interface StatusLabel {
  index: number;
  label: string;
  color: string;
  hex: string;
  border: string;
  varName: string;
  isDone: boolean;
}
/** What an item's status cell holds: the label's index and when it last changed. */
export interface StatusCell {
  index: number;
  changed_at: string;
  post_id: null;
}

// monday's default palette by label index; index 3 is the colour of the status sample in monday's webhook docs.
const PALETTE = [
  { color: "working_orange", hex: "#fdab3d", border: "#e99729", varName: "orange" },
  { color: "done_green", hex: "#00c875", border: "#00b461", varName: "green-shadow" },
  { color: "stuck_red", hex: "#df2f4a", border: "#ce3048", varName: "red-shadow" },
  { color: "bright_blue", hex: "#0086c0", border: "#3DB0DF", varName: "blue-links" },
  { color: "purple", hex: "#9d50dd", border: "#9238af", varName: "purple" },
  { color: "american_gray", hex: "#c4c4c4", border: "#b0b0b0", varName: "grey" },
  { color: "grass_green", hex: "#037f4c", border: "#006b38", varName: "grass-green" },
];

/** A status column for seeding: labels in index order (or by index); `done` names the labels monday marks as done (default: "Done"). */
export function statusColumn(
  id: string,
  title: string,
  labels: string[] | Record<string, string>,
  options: { done?: string[] } = {},
): MondayColumn {
  const byIndex = Array.isArray(labels) ? Object.fromEntries(labels.map((l, i) => [String(i), l])) : { ...labels };
  return {
    id,
    title,
    type: "status",
    labels: byIndex,
    done: options.done ?? Object.values(byIndex).filter((l) => l === "Done"),
  };
}

export function statusLabels(column: MondayColumn): StatusLabel[] {
  return Object.entries(column.labels ?? {})
    .map(([i, label]) => {
      const index = Number(i);
      return { index, label, ...PALETTE[index % PALETTE.length], isDone: (column.done ?? ["Done"]).includes(label) };
    })
    .sort((a, b) => a.index - b.index);
}

export function columnJson(column: MondayColumn): Record<string, unknown> {
  const labels = column.type === "status" ? statusLabels(column) : [];
  const settings =
    column.type === "status"
      ? {
          type: null,
          labels: labels.map((l) => ({
            id: l.index,
            label: l.label,
            color: l.color,
            index: l.index,
            description: null,
            is_deactivated: false,
            is_done: l.isDone,
          })),
        }
      : {};
  const settingsStr =
    column.type === "status"
      ? {
          labels: Object.fromEntries(labels.map((l) => [String(l.index), l.label])),
          labels_colors: Object.fromEntries(
            labels.map((l) => [String(l.index), { color: l.hex, border: l.border, var_name: l.varName }]),
          ),
          done_colors: labels.filter((l) => l.isDone).map((l) => l.index),
        }
      : {};
  return {
    id: column.id,
    title: column.title,
    type: column.type,
    description: null,
    width: null,
    archived: false,
    settings,
    settings_str: JSON.stringify(settingsStr),
    revision: "1",
    capabilities: { calculated: null, visibility: null },
  };
}

/**
 * The label a status value names, as monday reads `change_column_value` JSON (`{"label": "Done"}` or
 * `{"index": 1}`) and `change_simple_column_value` strings (the label, or an index as digits).
 */
export function statusTarget(
  column: MondayColumn,
  value: unknown,
): { label?: StatusLabel; unknownLabel?: string; unknownIndex?: number; malformed?: true } {
  const labels = statusLabels(column);
  if (typeof value === "string") {
    const byLabel = labels.find((l) => l.label === value);
    if (byLabel) return { label: byLabel };
    if (/^\d+$/.test(value)) return find(labels, Number(value));
    return { unknownLabel: value };
  }
  if (isObject(value) && typeof value.label === "string") {
    const byLabel = labels.find((l) => l.label === value.label);
    return byLabel ? { label: byLabel } : { unknownLabel: value.label };
  }
  if (isObject(value) && typeof value.index === "number") return find(labels, value.index);
  return { malformed: true };
}

function find(labels: StatusLabel[], index: number) {
  const label = labels.find((l) => l.index === index);
  return label ? { label } : { unknownIndex: index };
}

export function labelOf(column: MondayColumn, cell: StatusCell | undefined): StatusLabel | undefined {
  return cell ? statusLabels(column).find((l) => l.index === cell.index) : undefined;
}

export function statusValueJson(
  column: MondayColumn,
  cell: StatusCell | undefined,
  col: Record<string, unknown>,
): Record<string, unknown> {
  const l = labelOf(column, cell);
  return {
    __typename: "StatusValue",
    id: column.id,
    type: "status",
    column: col,
    is_leaf: true,
    index: l?.index ?? null,
    label: l?.label ?? null,
    text: l?.label ?? null,
    is_done: l?.isDone ?? false,
    label_style: l ? { color: l.hex, border: l.border } : null,
    update_id: null,
    updated_at: cell?.changed_at ?? null,
    value: cell ? JSON.stringify(cell) : null,
  };
}

/** A status in a webhook event: `{ label: { index, text, style, is_done }, post_id }` (monday's webhook samples). */
export function eventValue(column: MondayColumn, cell: StatusCell | undefined): Record<string, unknown> | null {
  const l = labelOf(column, cell);
  return l
    ? {
        label: {
          index: l.index,
          text: l.label,
          style: { color: l.hex, border: l.border, var_name: l.varName },
          is_done: l.isDone,
        },
        post_id: null,
      }
    : null;
}
