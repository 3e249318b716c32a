import { z } from "zod";
import type { ZodOpenApiPathItemObject, ZodOpenApiPathsObject } from "zod-openapi";
import { createTeamSchema, createTokenSchema, createUserSchema, membershipSchema } from "@/lib/people/schemas";
import { SCAN_PROVIDER_IDS, scanSettingsSchema } from "@/lib/scanning/settings";
import * as c from "./components";
import {
  answers,
  body,
  BODY_ERRORS,
  created,
  noContent,
  ok,
  providerPath,
  scanProviderPath,
  settingsBody,
  teamId,
  teamProviderPath,
  teamScanProviderPath,
  teamSettingsBody,
} from "./shared";

/** The four calls of an integration, globally or for a team. */
function integrationCalls(scope: "global" | "team"): Record<string, ZodOpenApiPathItemObject> {
  const path = scope === "global" ? providerPath : teamProviderPath;
  const base = scope === "global" ? "/api/v1/integrations" : "/api/v1/teams/{teamId}/integrations";
  const who =
    scope === "global"
      ? "Administrators only."
      : "The team's leads and administrators. The Custom Webhook has no team level (404).";
  const tags = ["Integrations"];
  return {
    [base]: {
      get: {
        tags,
        summary: `List the ${scope} integrations, secrets masked`,
        requestParams: scope === "team" ? { path: z.object({ teamId }) } : undefined,
        responses: answers(ok(z.array(c.integration)), 404),
      },
    },
    [`${base}/{provider}`]: {
      get: {
        tags,
        summary: "Read an integration, secrets masked",
        description: who,
        requestParams: { path },
        responses: answers(ok(c.integration), 404),
      },
      put: {
        tags,
        summary: "Save an integration's settings",
        description: `${who} Changing where it connects (domainUrl, url, webhookUrl) requires every secret again. Custom and Events Webhooks also answer their signing \`token\`.`,
        requestParams: { path },
        requestBody: body(scope === "global" ? settingsBody : teamSettingsBody),
        responses: answers(ok(c.integration), 404, ...BODY_ERRORS, 502),
      },
      delete: {
        tags,
        summary: "Delete an integration",
        description: who,
        requestParams: { path },
        responses: answers(noContent, 404),
      },
    },
    [`${base}/{provider}/test`]: {
      post: {
        tags,
        summary: "Send a test notification through the real delivery path",
        description: `${who} With no body it tests the saved settings; with a settings body, those edits (not saved). The receiver's status and error text come back.`,
        requestParams: { path },
        requestBody: {
          required: false,
          content: { "application/json": { schema: scope === "global" ? settingsBody : teamSettingsBody } },
        },
        responses: answers(ok(c.testResult), 404, ...BODY_ERRORS),
      },
    },
  };
}

function scanCalls(scope: "global" | "team"): Record<string, ZodOpenApiPathItemObject> {
  const path = scope === "global" ? scanProviderPath : teamScanProviderPath;
  const base =
    scope === "global" ? "/api/v1/integrations/{provider}" : "/api/v1/teams/{teamId}/integrations/{provider}";
  const tags = ["Scanning"];
  return {
    [`${base}/scan`]: {
      post: {
        tags,
        summary: "Start a full secret scan of Jira or Confluence (or answer the one under way)",
        requestParams: { path },
        responses: answers(ok(c.scanProgress), 404),
      },
      get: { tags, summary: "A scan's progress", requestParams: { path }, responses: answers(ok(c.scanProgress), 404) },
      delete: {
        tags,
        summary: "Cancel the scan under way",
        requestParams: { path },
        responses: answers(ok(c.scanProgress), 404),
      },
    },
    [`${base}/scan/settings`]: {
      get: {
        tags,
        summary: "Allow and deny lists, redaction, and the webhook path",
        requestParams: { path },
        responses: answers(ok(c.scanSettings), 404),
      },
      put: {
        tags,
        summary: "Save the scan settings",
        requestParams: { path },
        requestBody: body(scanSettingsSchema),
        responses: answers(ok(c.scanSettings), 404, ...BODY_ERRORS),
      },
    },
  };
}

const hook = {
  post: {
    tags: ["Vendor webhooks"],
    summary: "Receive a scanned vendor's webhook events (Jira, Confluence)",
    description:
      "Called by the vendor, authenticated by the integration's own secret (the `token` in its hookUrl, or for Jira X-Hub-Signature when a secret was set), not by an API token. An event for a ticket or page queues a scan of it; Jira's `jira:issue_updated` and `jira:issue_deleted` also sync a linked issue's status (ticket sync). Bodies up to 1 MiB.",
    security: [],
    requestParams: {
      path: z.object({ provider: z.enum(SCAN_PROVIDER_IDS), integrationId: z.uuid() }),
      query: z.object({ token: z.string().optional() }),
    },
    requestBody: body(
      z.record(z.string(), z.unknown()).meta({ description: "The vendor's event, as the vendor sends it" }),
    ),
    responses: {
      "202": { description: "Accepted", content: { "application/json": { schema: c.hookAnswer } } },
      ...answers({}, ...BODY_ERRORS, 404),
    },
  },
};

const memberPath = z.object({ teamId, userId: z.uuid() });

/** Integrations, scanning, people, the vendors' hooks and this document. */
export const settingsPaths: ZodOpenApiPathsObject = {
  ...integrationCalls("global"),
  ...scanCalls("global"),
  ...integrationCalls("team"),
  ...scanCalls("team"),
  "/api/v1/teams/{teamId}/integrations/{provider}/workspaces": {
    get: {
      tags: ["Integrations"],
      summary: "monday.com workspaces a team may pick as its default",
      description: "monday only (404 for other providers).",
      requestParams: { path: teamProviderPath },
      responses: answers(ok(z.object({ items: z.array(c.workspace) })), 404, 422, 502),
    },
  },
  "/api/v1/teams": {
    get: { tags: ["People"], summary: "List teams with their members", responses: answers(ok(z.array(c.team))) },
    post: {
      tags: ["People"],
      summary: "Create a team",
      description: "Administrators only.",
      requestBody: body(createTeamSchema),
      responses: answers(created(c.team), 409, ...BODY_ERRORS),
    },
  },
  "/api/v1/teams/{teamId}/members/{userId}": {
    put: {
      tags: ["People"],
      summary: "Add a person to a team, or change their role",
      requestParams: { path: memberPath },
      requestBody: body(membershipSchema),
      responses: answers(ok(c.membership), 404, ...BODY_ERRORS),
    },
    delete: {
      tags: ["People"],
      summary: "Remove a person from a team",
      requestParams: { path: memberPath },
      responses: answers(noContent, 404),
    },
  },
  "/api/v1/users": {
    get: {
      tags: ["People"],
      summary: "List people",
      description: "Administrators only.",
      responses: answers(ok(z.array(c.user))),
    },
    post: {
      tags: ["People"],
      summary: "Create a person",
      description: "Administrators only.",
      requestBody: body(createUserSchema),
      responses: answers(created(c.user), 409, ...BODY_ERRORS),
    },
  },
  "/api/v1/users/{userId}/tokens": {
    post: {
      tags: ["People"],
      summary: "Create a personal API token",
      description:
        "For yourself, or (administrators) for anyone, a service account say. The token is in this answer only.",
      requestParams: { path: z.object({ userId: z.uuid() }) },
      requestBody: body(createTokenSchema),
      responses: answers(created(c.createdToken), 404, ...BODY_ERRORS),
    },
  },
  "/api/v1/hooks/{provider}/{integrationId}": hook,
  "/api/v1/hooks/monday/{integrationId}": {
    post: {
      tags: ["Vendor webhooks"],
      summary: "Receive monday.com's status-change events (ticket sync)",
      description:
        "Called by monday.com, authenticated by the `token` in the integration's hookUrl (monday signs only OAuth apps' webhooks). Answers the `{\"challenge\"}` handshake by echoing it. A linked item reaching the board's done label resolves its issue. Bodies up to 1 MiB.",
      security: [],
      requestParams: { path: z.object({ integrationId: z.uuid() }), query: z.object({ token: z.string().optional() }) },
      requestBody: body(
        z.record(z.string(), z.unknown()).meta({ description: "monday's challenge or event, as monday sends it" }),
      ),
      responses: {
        "200": {
          description: "Challenge echoed or event taken",
          content: { "application/json": { schema: c.mondayHookAnswer } },
        },
        ...answers({}, ...BODY_ERRORS, 404),
      },
    },
  },
  "/api/v1/detectors": {
    get: {
      tags: ["Scanning"],
      summary: "The secret kinds that detection recognises",
      description: "Anyone signed in. Each kind with its id, name, severity and a short remediation line.",
      responses: answers(ok(z.object({ items: z.array(c.detector) }))),
    },
  },
  "/api/v1/openapi.json": {
    get: {
      tags: ["Reference"],
      summary: "This document",
      security: [],
      responses: {
        "200": {
          description: "The OpenAPI 3.1 document",
          content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
        },
      },
    },
  },
};
