// What the create dialogs prefill and show, from an issue alone. Pure, so the dialogs and the
// server use the same words.
type IssueFacts = {
  detectorName: string;
  assetName: string | null;
  assetId: string;
  severity: string;
  content: string;
  firstSeen: string;
};

/** "Visible AWS Key in jelly-sandwich": the Jira summary and the monday item name. */
export function ticketTitle(issue: Pick<IssueFacts, "detectorName" | "assetName" | "assetId">): string {
  return `${issue.detectorName} in ${issue.assetName ?? issue.assetId}`;
}

/**
 * The fields an item carries from its issue: read-only in the dialog, so the item matches the issue,
 * and copied into matching monday columns.
 */
export function additionalFields(issue: IssueFacts): {
  severity: string;
  asset: string;
  content: string;
  firstSeen: string;
} {
  return {
    severity: issue.severity,
    asset: issue.assetId,
    content: issue.content,
    firstSeen: issue.firstSeen.slice(0, 10),
  };
}

/** Labels a new Jira ticket starts with; people may change them. */
export const DEFAULT_LABELS = ["code-security"];
