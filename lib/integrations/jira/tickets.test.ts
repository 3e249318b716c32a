import { describe, expect, it } from "vitest";
import { adfErrors, adfPlainText } from "@/test/fakes/adf";
import {
  clampSummary,
  jiraDescription,
  lineOf,
  normalizeLabels,
  priorityForSeverity,
  type TicketSource,
} from "./tickets";

const SOURCE: TicketSource = {
  detectorId: "SENF026",
  detectorName: "Ruby On Rails secret token configuration file",
  severity: "error",
  assetId: "github.com/maggie/jelly-sandwich",
  assetName: "jelly-sandwich",
  path: "config/initializers/secret_token.rb",
  uri: "https://github.com/maggie/jelly-sandwich/blob/main/config/initializers/secret_token.rb#L7",
  content: "secret_token = '…'",
  firstSeen: "2026-11-25T10:00:00.000Z",
  issueUrl: "http://localhost:3000/code-security/issues?issue=0b0c7c1e-6a4e-4bb4-9b5e-1c1d2e3f4a5b",
};

describe("the Jira description (ADF)", () => {
  it("is a valid ADF document with every detail and both links", () => {
    const doc = jiraDescription(SOURCE);
    expect(adfErrors(doc)).toEqual([]);
    const plain = adfPlainText(doc);
    for (const part of ["SENF026", "error", "jelly-sandwich", "secret_token.rb:7", "secret_token = '…'", "2026-11-25"])
      expect(plain).toContain(part);
    const json = JSON.stringify(doc);
    expect(json).toContain(SOURCE.uri);
    expect(json).toContain(SOURCE.issueUrl);
    expect(json).toContain('"codeBlock"');
  });

  it("stays valid when the finding has no path, no web link and no content", () => {
    const doc = jiraDescription({ ...SOURCE, path: "", uri: "", content: "", assetName: null });
    expect(adfErrors(doc)).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain("codeBlock");
  });

  it("a source link that is not http(s) is not made a link", () => {
    expect(JSON.stringify(jiraDescription({ ...SOURCE, uri: "javascript:alert(1)" }))).not.toContain("javascript:");
  });
});

describe("summary, labels, line and priority", () => {
  it("keeps a summary on one line, within Jira's 255 characters", () => {
    expect(clampSummary(`a\nb ${"x".repeat(400)}`)).toHaveLength(255);
    expect(clampSummary("a\r\nb")).toBe("a b");
  });

  it("labels have no spaces and no duplicates", () => {
    expect(normalizeLabels([" code security ", "code-security", "", "secrets"])).toEqual(["code-security", "secrets"]);
  });

  it("reads the line from a #L fragment", () => {
    expect(lineOf(SOURCE.uri)).toBe(7);
    expect(lineOf("https://x/y")).toBeUndefined();
  });

  it("maps severity to the project's priorities, and to none when it has no priority field", () => {
    const fields = [
      {
        fieldId: "priority",
        name: "Priority",
        required: false,
        allowedValues: ["Highest", "High", "Medium", "Low", "Lowest"].map((name, i) => ({ id: String(i + 1), name })),
      },
    ];
    expect(priorityForSeverity(fields, "error")).toEqual({ id: "2", name: "High" });
    expect(priorityForSeverity(fields, "warning")).toEqual({ id: "3", name: "Medium" });
    expect(priorityForSeverity(fields, "info")).toEqual({ id: "4", name: "Low" });
    expect(priorityForSeverity([], "error")).toBeUndefined();
  });
});
