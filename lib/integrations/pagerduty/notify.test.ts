import { describe, expect, it } from "vitest";
import { eventFor } from "./notify";

const issue = {
  id: "3f0c6a8e-1111-4b7e-9c1a-2f0b7d1e9a11",
  assetId: "github.com/a/b",
  detectorId: "CLD001",
  detectorName: "Visible AWS Key",
  severity: "error" as const,
  path: "x".repeat(2000),
  uri: "https://github.com/a/b",
};

describe("PagerDuty events", () => {
  it("triggers with the issue id as dedup key and a summary within 1024 characters", () => {
    const event = eventFor("k".repeat(32), { action: "trigger", issue });
    expect(event).toMatchObject({
      event_action: "trigger",
      dedup_key: issue.id,
      payload: { source: "github.com/a/b", severity: "error" },
    });
    expect(event.payload!.summary.length).toBeLessThanOrEqual(1024);
  });

  it("resolves with the same key and no payload", () => {
    expect(eventFor("k".repeat(32), { action: "resolve", issue })).toEqual({
      routing_key: "k".repeat(32),
      event_action: "resolve",
      dedup_key: issue.id,
    });
  });
});
