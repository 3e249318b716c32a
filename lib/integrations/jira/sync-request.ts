import { VendorError } from "@/lib/errors";
import { atlassianError, atlassianHeaders, type AtlassianCredentials } from "../atlassian";
import type { IntegrationConfig, OutboundRequest, VendorCall } from "../types";
import { parseJson } from "../vendor-text";
import { jiraCredentials } from "./client";

// What a ticket-sync delivery sends to Jira: a transition with a comment, or the comment
// alone. Client-safe like every provider declaration: the one lookup it needs (the transitions a
// ticket offers) goes through the VendorCall the delivery engine hands in.

export type JiraSyncPayload = {
  ticketKey: string;
  issueId: string;
  action: "resolved" | "reopened";
  /** Plain words: what happened, with the link back. */
  text: string;
  link: string;
  /** Move the ticket to this transition (by name) or target status; null: comment only. */
  moveTo: string | null;
  /** When no transition matches `moveTo`, one into this status category (reopen: `new`). */
  moveToCategory?: string | null;
};
export type JiraTransition = { id: string; name: string; to: string; category: string };

export const transitionsPath = (key: string) => `/rest/api/3/issue/${encodeURIComponent(key)}/transitions`;

/** Jira's `{transitions: [{id, name, to: {name, statusCategory: {key}}}]}`, flattened. */
export function transitionsOf(json: unknown): JiraTransition[] {
  type Raw = { id: string; name: string; to?: { name?: string; statusCategory?: { key?: string } } };
  return ((json as { transitions?: Raw[] } | undefined)?.transitions ?? []).map((t) => ({
    id: String(t.id),
    name: t.name,
    to: t.to?.name ?? t.name,
    category: t.to?.statusCategory?.key ?? "",
  }));
}

async function lookUpTransitions(
  call: VendorCall,
  creds: AtlassianCredentials,
  key: string,
): Promise<JiraTransition[]> {
  const answer = await call({
    url: `${creds.domainUrl.replace(/\/+$/, "")}${transitionsPath(key)}`,
    method: "GET",
    headers: atlassianHeaders(creds),
  });
  if ("failure" in answer)
    throw new VendorError(answer.failure.status, `Jira could not be reached: ${answer.failure.message}`);
  const { status, body } = answer.response;
  if (status !== 200) throw new VendorError(status, `Jira answered ${status}: ${atlassianError(body) || "no details"}`);
  return transitionsOf(parseJson(body));
}

/** A comment in Atlassian Document Format: the words, then the link back. */
function commentBody(payload: JiraSyncPayload) {
  return {
    type: "doc",
    version: 1,
    content: [
      { type: "paragraph", content: [{ type: "text", text: payload.text }] },
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: "Open the issue in Code Security",
            marks: [{ type: "link", attrs: { href: payload.link } }],
          },
        ],
      },
    ],
  };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The delivery of a sync payload: a transition with the comment in one request when the ticket
 * should move and its status offers a way there, else the comment alone. The choice is made at
 * the first attempt; retries send the same bytes to the same place.
 */
export async function buildJiraSyncRequest(
  config: IntegrationConfig,
  payload: JiraSyncPayload,
  sentBody: string | null | undefined,
  call: VendorCall,
): Promise<OutboundRequest> {
  const creds = jiraCredentials(config);
  const issuePath = `${creds.domainUrl.replace(/\/+$/, "")}/rest/api/3/issue/${encodeURIComponent(payload.ticketKey)}`;
  const headers = { ...atlassianHeaders(creds), "content-type": "application/json" };
  if (sentBody) {
    const moving = !!(parseJson(sentBody) as { transition?: unknown } | undefined)?.transition;
    return { url: `${issuePath}/${moving ? "transitions" : "comment"}`, method: "POST", headers, body: sentBody };
  }
  if (payload.moveTo || payload.moveToCategory) {
    const offered = await lookUpTransitions(call, creds, payload.ticketKey);
    const wanted = payload.moveTo;
    const pick =
      (wanted ? (offered.find((t) => same(t.name, wanted)) ?? offered.find((t) => same(t.to, wanted))) : undefined) ??
      (payload.moveToCategory ? offered.find((t) => t.category === payload.moveToCategory) : undefined);
    if (pick) {
      const body = { transition: { id: pick.id }, update: { comment: [{ add: { body: commentBody(payload) } }] } };
      return { url: `${issuePath}/transitions`, method: "POST", headers, body: JSON.stringify(body) };
    }
  }
  return { url: `${issuePath}/comment`, method: "POST", headers, body: JSON.stringify({ body: commentBody(payload) }) };
}
