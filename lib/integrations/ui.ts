// Client-safe pieces of a provider's card, as plain data: generic components in
// components/integrations render them, so lib/ never imports a component.

/** Text with links in it: `["Use an ", { text: "API token", href: "https://…" }, "."]`. */
export type RichText = readonly (string | { text: string; href: string })[];

/** Shown beside the fields: how to get what they ask for. */
export type SetupGuide = {
  title?: string;
  intro?: string;
  steps?: readonly RichText[];
  note?: RichText;
};

/** A line under the card's heading. */
export type Summary = {
  /** At global scope: a setting learned from the vendor (a Test's answer updates it), with its label. */
  global?: { label: string; setting: "accountDomain" };
  /** At team scope: a fixed sentence. */
  team?: string;
};

/** Panels under the form besides the ones a capability brings (deliveries for notify, the scan panel for scan). */
export type ExtraPanel = "webhook-signing" | "webhook-comparison" | "ticket-sync";

export type ProviderUi = { setup?: SetupGuide; summary?: Summary; extras?: readonly ExtraPanel[] };
