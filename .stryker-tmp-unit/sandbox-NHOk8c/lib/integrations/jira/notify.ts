// @ts-nocheck
import { issueLink, type IssueSummary } from "../payloads";

// Jira Cloud v3 takes descriptions in Atlassian Document Format; a plain string is refused.
type AdfText = { type: "text"; text: string; marks?: { type: "link"; attrs: { href: string } }[] | { type: "strong" }[] };
type AdfNode = { type: "paragraph"; content: AdfText[] };
export type AdfDoc = { type: "doc"; version: 1; content: AdfNode[] };

const text = (value: string): AdfText => ({ type: "text", text: value });
const strong = (value: string): AdfText => ({ type: "text", text: value, marks: [{ type: "strong" }] });
const linkTo = (label: string, href: string): AdfText => ({ type: "text", text: label, marks: [{ type: "link", attrs: { href } }] });

/** A ticket's summary line: what was found, and where. */
export function ticketSummary(issue: IssueSummary): string {
  return `${issue.detectorName} in ${issue.assetId}`.slice(0, 255);
}

/** A ticket's description: the issue's details and links to the source and to this app. */
export function ticketDescription(issue: IssueSummary): AdfDoc {
  const line = (label: string, value: string): AdfNode => ({ type: "paragraph", content: [strong(`${label}: `), text(value || "—")] });
  const links: AdfText[] = [linkTo("View in Code Security", issueLink(issue.id))];
  if (issue.uri && /^https?:\/\//.test(issue.uri)) links.push(text(" · "), linkTo("View the source", issue.uri));
  return {
    type: "doc",
    version: 1,
    content: [
      line("Severity", issue.severity),
      line("Detector", `${issue.detectorName} (${issue.detectorId})`),
      line("Asset", issue.assetId),
      line("File", issue.path ?? ""),
      { type: "paragraph", content: links },
    ],
  };
}
