import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { assetFiltersSchema, assetPatchSchema } from "@/lib/assets/schemas";
import { deliveryIdInput, listDeliveriesQuery, retryFailedInput } from "@/lib/delivery/schemas";
import { ingestSchema, issueFiltersSchema, statusPatchSchema } from "@/lib/issues/schemas";
import { issueIdSchema, jiraTicketSchema, mondayItemSchema } from "@/lib/tickets/schemas";
import * as c from "./components";
import { answers, body, BODY_ERRORS, noContent, ok } from "./shared";

const issuePath = z.object({ id: z.uuid().meta({ description: "The issue's id" }) });
const assetPath = z.object({
  id: z.string().meta({ description: "The asset's id, URL-encoded: github.com%2Fmaggie%2Fjelly-sandwich" }),
});
const idempotencyKey = z.object({
  "Idempotency-Key": z.string().min(1).max(255).optional().meta({
    description:
      "Makes a retry safe: within 24 hours, the same key with the same body answers the first answer and changes nothing; with another body, 422",
  }),
});

/** One ticket per issue and tool: a second request answers the existing one. */
function ticketCall(summary: string, request: z.ZodType, answer: z.ZodType) {
  return {
    post: {
      tags: ["Tickets"],
      summary,
      requestParams: { path: issuePath },
      requestBody: body(request),
      responses: answers(ok(answer), 404, 409, ...BODY_ERRORS, 502),
    },
  };
}

/** Scans in; issues, assets and what went out about them. */
export const findingPaths: ZodOpenApiPathsObject = {
  "/api/v1/ingest": {
    post: {
      tags: ["Ingest"],
      summary: "Ingest one full scan of one asset",
      description:
        "Diffs the scan against the asset's issues in one transaction: new findings create issues, changed ones update them, a resolved issue that comes back reopens (counted as updated), open issues the scan no longer reports are resolved (or deleted when their path is not in `files`). Each ingest is a new scan with its own `ingestId` and `ingest_completed` event. Administrators only. Bodies up to 10 MiB.",
      requestParams: { header: idempotencyKey },
      requestBody: body(ingestSchema.meta({ id: "IngestRequest" })),
      responses: answers(ok(c.ingestAnswer), ...BODY_ERRORS, 409),
    },
  },
  "/api/v1/issues": {
    get: {
      tags: ["Issues"],
      summary: "List issues, newest first, a page at a time",
      requestParams: { query: issueFiltersSchema },
      responses: answers(ok(c.cursorPage(c.issue, "IssuePage")), 400, 422),
    },
  },
  "/api/v1/issues/{id}": {
    get: {
      tags: ["Issues"],
      summary: "Read an issue, with its tickets",
      description: "A deleted issue can still be read, so that every id an Events Webhook sent can be fetched.",
      requestParams: { path: issuePath },
      responses: answers(ok(c.issue), 404),
    },
    patch: {
      tags: ["Issues"],
      summary: "Set an issue's status",
      description:
        "Resolving or ignoring sends issue_resolved / issue_ignored and resolves its PagerDuty alert; reopening sends issue_updated and triggers it again.",
      requestParams: { path: issuePath },
      requestBody: body(statusPatchSchema),
      responses: answers(ok(c.issue), 404, ...BODY_ERRORS),
    },
  },
  "/api/v1/issues/{id}/jira": ticketCall(
    "Create the issue's Jira ticket, or answer the one it has",
    jiraTicketSchema,
    c.jiraTicket,
  ),
  "/api/v1/issues/{id}/monday": ticketCall(
    "Create the issue's monday.com item, or answer the one it has",
    mondayItemSchema,
    c.mondayItem,
  ),
  "/api/v1/monday/workspaces": {
    get: {
      tags: ["Tickets"],
      summary: "monday.com workspaces for creating an issue's item, best first",
      description:
        "The workspace of the issue's team first, then those of the caller's teams, then all others by name.",
      requestParams: { query: issueIdSchema },
      responses: answers(ok(z.object({ items: z.array(c.rankedWorkspace) })), 404, 409, 422, 502),
    },
  },
  "/api/v1/assets": {
    get: {
      tags: ["Assets"],
      summary: "List assets",
      requestParams: { query: assetFiltersSchema },
      responses: answers(ok(c.cursorPage(c.asset, "AssetPage")), 422),
    },
  },
  "/api/v1/assets/{id}": {
    get: {
      tags: ["Assets"],
      summary: "Read an asset",
      requestParams: { path: assetPath },
      responses: answers(ok(c.asset), 404),
    },
    patch: {
      tags: ["Assets"],
      summary: "Map an asset to a team, or to none",
      description: "Administrators only. Sends asset_updated to both teams' event webhooks.",
      requestParams: { path: assetPath },
      requestBody: body(assetPatchSchema),
      responses: answers(ok(c.asset), 404, ...BODY_ERRORS),
    },
    delete: {
      tags: ["Assets"],
      summary: "Delete an asset and its issues",
      description: "Administrators only. Sends asset_deleted and issue_deleted.",
      requestParams: { path: assetPath },
      responses: answers(noContent, 404),
    },
  },
  "/api/v1/deliveries": {
    get: {
      tags: ["Deliveries"],
      summary: "List delivery records, newest first",
      description:
        "Administrators see all; team leads their teams'. A secret a provider puts in the body is shown masked.",
      requestParams: { query: listDeliveriesQuery },
      responses: answers(ok(c.cursorPage(c.delivery, "DeliveryPage")), 422),
    },
  },
  "/api/v1/deliveries/{id}": {
    get: {
      tags: ["Deliveries"],
      summary: "Read a delivery with every attempt in full",
      requestParams: { path: deliveryIdInput },
      responses: answers(ok(c.delivery), 404, 422),
    },
  },
  "/api/v1/deliveries/{id}/redeliver": {
    post: {
      tags: ["Deliveries"],
      summary: "Send a delivery again",
      description: "The same body and delivery id, a fresh signature.",
      requestParams: { path: deliveryIdInput },
      responses: answers(ok(c.delivery), 404, 409, 422),
    },
  },
  "/api/v1/deliveries/retry-failed": {
    post: {
      tags: ["Deliveries"],
      summary: "Send again every failed delivery of an integration since a time",
      requestBody: body(retryFailedInput),
      responses: answers(ok(c.retried), 404, ...BODY_ERRORS),
    },
  },
};
