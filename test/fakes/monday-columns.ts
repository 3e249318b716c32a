// monday.com `column_values` checks per column type, as documented in
// https://developer.monday.com/api-reference/docs/change-column-values (JSON or simple-string forms).
import { isObject } from "./http";

export interface MondayColumn {
  id: string;
  title: string;
  type: string;
  /** Status columns: index → label, as in monday's `settings_str`. */
  labels?: Record<string, string>;
  /** Status columns: the labels monday marks as done (default: a label named "Done"). See monday-status.ts. */
  done?: string[];
}

export interface ColumnProblem {
  /** true when the value's shape is wrong (a request bug); false when it only disagrees with the board. */
  malformed: boolean;
  code: "ColumnValueException" | "InvalidColumnIdException";
  message: string;
  columnId: string;
  columnType?: string;
}

const DOCS =
  "Please check our API documentation for the correct data structure for this column. https://developer.monday.com/api-reference/docs/change-column-values";

function isIsoDate(v: unknown): boolean {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

/** Parses the `column_values` argument (a JSON string, or an object) into a map. */
export function parseColumnValues(raw: unknown): { values?: Record<string, unknown>; error?: string } {
  if (raw === undefined || raw === null) return { values: {} };
  let parsed = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { error: "column_values is not valid JSON" };
    }
  }
  return isObject(parsed) ? { values: parsed } : { error: "column_values must be a JSON object keyed by column id" };
}

export function checkColumnValues(
  values: Record<string, unknown>,
  columns: MondayColumn[],
  createLabels: boolean,
): ColumnProblem[] {
  const problems: ColumnProblem[] = [];
  for (const [columnId, value] of Object.entries(values)) {
    const column = columns.find((c) => c.id === columnId);
    if (!column) {
      problems.push({
        malformed: true,
        code: "InvalidColumnIdException",
        message: "This column ID doesn't exist for the board",
        columnId,
      });
      continue;
    }
    const bad = (message = `invalid value - ${DOCS}`, malformed = true) =>
      problems.push({ malformed, code: "ColumnValueException", message, columnId, columnType: column.type });
    if (value === null || value === "") continue; // clears the column
    switch (column.type) {
      case "text":
        if (typeof value !== "string") bad();
        break;
      case "long_text":
        if (!(typeof value === "string" || (isObject(value) && typeof value.text === "string"))) bad();
        break;
      case "date":
        if (!(
          isIsoDate(value) ||
          (isObject(value) &&
            isIsoDate(value.date) &&
            (value.time === undefined || /^\d{2}:\d{2}(:\d{2})?$/.test(String(value.time))))
        ))
          bad();
        break;
      case "status": {
        const label =
          typeof value === "string"
            ? value
            : isObject(value) && typeof value.label === "string"
              ? value.label
              : undefined;
        const index = isObject(value) && typeof value.index === "number" ? String(value.index) : undefined;
        if (label === undefined && index === undefined) {
          bad();
          break;
        }
        const labels = column.labels;
        if (!labels) break;
        if (index !== undefined && !(index in labels))
          bad("invalid value - index does not exist in column. " + DOCS, false);
        if (label !== undefined && !Object.values(labels).includes(label)) {
          if (createLabels) labels[String(Math.max(-1, ...Object.keys(labels).map(Number)) + 1)] = label;
          else bad("invalid value - label does not exist in column. " + DOCS, false);
        }
        break;
      }
      default:
        break; // other column types are stored as sent
    }
  }
  return problems;
}
