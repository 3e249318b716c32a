import type { IssueSummary } from "@/lib/integrations/payloads";

/** The i-th new issue of the demo asset, as a message lists it; `over` replaces any field. */
export function sampleIssue(i: number, over: Partial<IssueSummary> = {}): IssueSummary {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    assetId: "github.com/maggie/jelly-sandwich",
    detectorId: "CLD001",
    detectorName: "Visible AWS Key",
    severity: "error",
    path: `db/secret${i}`,
    uri: `https://github.com/maggie/jelly-sandwich/blob/main/db/secret${i}#L4`,
    ...over,
  };
}

export const sampleAsset = {
  id: "github.com/maggie/jelly-sandwich",
  name: "jelly-sandwich",
  url: "https://github.com/maggie/jelly-sandwich",
};
