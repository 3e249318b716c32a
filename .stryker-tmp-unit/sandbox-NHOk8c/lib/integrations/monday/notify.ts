// @ts-nocheck
import type { IssueSummary } from "../payloads";

// monday item names are capped at 255 characters (ItemNameTooLongException beyond).
const ITEM_NAME_MAX = 255;

/** The suggested item name for an issue, e.g. "Visible AWS Key in jelly-sandwich". */
export function itemNameFor(issue: IssueSummary, assetName?: string): string {
  const name = `${issue.detectorName} in ${assetName ?? issue.assetId}`;
  return name.length > ITEM_NAME_MAX ? `${name.slice(0, ITEM_NAME_MAX - 1)}…` : name;
}
