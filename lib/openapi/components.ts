import { STATUS_STATES } from "@/lib/integrations/status";
import { z } from "zod";
import { DELIVERY_STATUSES } from "@/lib/delivery/schemas";
import { PROVIDER_IDS } from "@/lib/integrations/registry";
import { SCAN_PROVIDER_IDS } from "@/lib/scanning/settings";
import { ASSET_KINDS, ISSUE_STATUSES, SEVERITIES } from "@/lib/issues/schemas";

// What the API answers, described for the OpenAPI document (lib/openapi/document.ts). Requests are
// described by the zod schemas the routes themselves parse with; these describe the services'
// answers, and the integration suites check every answer they get against them.

const id = (what: string) => z.uuid().meta({ description: `The ${what}'s id` });
const time = z.iso.datetime({ offset: true });
const nullableTime = time.nullable();

export const errorAnswer = z
  .object({
    error: z.object({
      code: z.string().meta({
        description:
          "Stable, machine-readable: validation_failed, unauthorized, forbidden, not_found, conflict, payload_too_large, rate_limited, vendor_error…",
      }),
      message: z.string().meta({ description: "Plain words for a person; never a stored secret or a stack trace" }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "Each bad field by its path (`findings[3].severity`) with what is wrong" }),
    }),
  })
  .meta({ id: "Error" });

export const ticketLink = z
  .object({
    provider: z.string(),
    key: z.string(),
    url: z.url(),
    status: z.string().nullable().meta({
      description: 'The tool\'s own status name ("To Do", "Done") as last synced; null before the first sync',
    }),
    syncedAt: nullableTime.meta({ description: "When the status was last read from the tool" }),
  })
  .meta({ id: "TicketLink" });

export const issue = z
  .object({
    id: id("issue"),
    assetId: z.string(),
    assetName: z.string().nullable(),
    kind: z.enum(ASSET_KINDS),
    detectorId: z.string(),
    detectorName: z.string(),
    severity: z.enum(SEVERITIES),
    content: z.string().meta({ description: "The finding's text, every secret in it masked" }),
    path: z.string(),
    uri: z.string(),
    status: z.enum(ISSUE_STATUSES),
    firstSeen: time,
    lastSeen: time.meta({ description: "The last ingest that reported it" }),
    teamId: z.uuid().nullable().meta({ description: "The team of its asset" }),
    deletedAt: nullableTime.meta({
      description: "Set when a scan or an asset's deletion removed it; such an issue is in no list",
    }),
    tickets: z.array(ticketLink),
  })
  .meta({ id: "Issue" });

export const cursorPage = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last" }),
    })
    .meta({ id: name });

export const ingestAnswer = z
  .object({
    ingestId: id("ingest"),
    assetId: z.string(),
    created: z.int().min(0),
    updated: z.int().min(0).meta({ description: "Changed or reopened" }),
    resolved: z.int().min(0),
    deleted: z.int().min(0),
  })
  .meta({ id: "IngestResult" });

export const asset = z
  .object({
    id: z
      .string()
      .meta({ description: "The scanner's id, e.g. github.com/maggie/jelly-sandwich (URL-encoded in a path)" }),
    name: z.string(),
    kind: z.enum(ASSET_KINDS),
    url: z.string().nullable(),
    teamId: z.uuid().nullable(),
    teamName: z.string().nullable(),
    lastIngestAt: nullableTime,
    createdAt: time,
    openIssues: z.int().min(0),
    openBySeverity: z.object({ error: z.int(), warning: z.int(), info: z.int() }),
  })
  .meta({ id: "Asset" });

const attempt = z
  .object({
    at: time,
    status: z.int().nullable().meta({ description: "The receiver's HTTP status; null when no answer came" }),
    durationMs: z.int().min(0),
    error: z.string().nullable(),
    requestUrl: z.string().meta({ description: "Origin and a masked path: webhook URLs are secrets" }),
    requestHeaders: z.record(z.string(), z.string()),
    responseBody: z.string().nullable().meta({ description: "The first 20 KB of the answer" }),
  })
  .meta({ id: "DeliveryAttempt" });

export const delivery = z
  .object({
    id: id("delivery"),
    integrationId: z.uuid(),
    provider: z.string(),
    teamId: z.uuid().nullable(),
    kind: z.string().meta({
      description: "What happened: issues_created, issue_updated, ingest_completed, pagerduty_trigger, test…",
    }),
    status: z.enum(DELIVERY_STATUSES),
    createdAt: time,
    deliveredAt: nullableTime,
    nextAttemptAt: nullableTime,
    lastStatus: z.int().nullable(),
    lastError: z.string().nullable(),
    requestBody: z
      .string()
      .nullable()
      .meta({ description: "The exact bytes sent, a provider's secret in it masked; null until the first attempt" }),
    attempts: z.array(attempt),
  })
  .meta({ id: "Delivery" });

const integrationStatus = z.object({
  state: z.enum(STATUS_STATES).meta({
    description:
      "not_configured: nothing saved; connected: on, with its last success (null until the first); failing: its latest delivery or Test failed, since `since`; disabled: switched off, `disabledReason` says by whom or why; paused: on, but what it depends on (the global token a team borrows) is missing or off",
  }),
  since: nullableTime.meta({ description: "The last success (connected) or the first failure (failing)" }),
  lastSuccessAt: nullableTime,
  lastError: z.string().nullable(),
  lastErrorAt: nullableTime,
  disabledReason: z.string().nullable(),
});

export const integration = z
  .looseObject({
    id: z.uuid().nullable().meta({ description: "Null when not configured" }),
    provider: z.enum(PROVIDER_IDS),
    name: z.string(),
    teamId: z.uuid().nullable(),
    configured: z.boolean(),
    enabled: z.boolean(),
    minSeverity: z.enum(SEVERITIES),
    status: integrationStatus,
    destination: z.string().nullable().meta({
      description:
        "Where it sends, safe to show: host and path, secret parts elided (hooks.slack.com/services/T…/B…/••••)",
    }),
    updatedAt: nullableTime,
    settings: z.record(z.string(), z.unknown()).meta({
      description:
        "The provider's settings; secrets masked (••••1a2b), the webhooks' signing `token` in clear for whoever manages the scope",
    }),
    hookUrl: z.url().optional().meta({
      description:
        "Jira, Confluence and monday: the product's receiver for this integration, secret included, to paste into the vendor. Only for whoever manages the scope",
    }),
    sync: z.object({ resolveOnDone: z.boolean(), onResolve: z.string().nullable() }).optional().meta({
      description:
        "Jira and monday: whether a ticket reaching done resolves its issue, and the Jira transition or monday status label to move a ticket to when its issue resolves (null: only comment)",
    }),
  })
  .meta({ id: "Integration", description: "The settings fields also appear at the top level, as in the PUT body" });

export const testResult = z
  .object({
    ok: z.boolean(),
    status: z.int().nullable().meta({ description: "The receiver's HTTP status" }),
    message: z
      .string()
      .meta({ description: "With the receiver's own error text when it gives one (Slack's no_service, say)" }),
    durationMs: z.int().min(0),
    accountDomain: z.string().optional().meta({ description: "monday.com: the account's domain" }),
  })
  .meta({ id: "TestResult" });

export const scanProgress = z
  .object({
    state: z.enum(["idle", "queued", "running", "done", "cancelled", "failed"]),
    scanned: z.int().min(0),
    total: z.int().min(0),
    found: z.int().min(0),
    skipped: z
      .int()
      .min(0)
      .meta({ description: "Projects or spaces a team's scan left alone, as their asset belongs to another team" }),
    error: z.string().nullable().optional(),
    startedAt: time.optional(),
  })
  .meta({ id: "ScanProgress" });

export const scanSettings = z
  .object({
    integrationId: z.uuid(),
    provider: z.enum(SCAN_PROVIDER_IDS),
    allow: z.array(z.string()),
    deny: z.array(z.string()),
    redact: z.boolean(),
    redactMessage: z.string(),
    webhookPath: z
      .string()
      .meta({ description: "The receiver's path with its secret token, for pasting into the vendor" }),
  })
  .meta({ id: "ScanSettings" });

const member = z.object({ userId: z.uuid(), email: z.email(), name: z.string(), role: z.enum(["lead", "member"]) });
export const team = z.object({ id: id("team"), name: z.string(), members: z.array(member) }).meta({ id: "Team" });
export const membership = z
  .object({ teamId: z.uuid(), userId: z.uuid(), role: z.enum(["lead", "member"]) })
  .meta({ id: "Membership" });
export const user = z
  .object({ id: id("user"), email: z.email(), name: z.string(), isAdmin: z.boolean() })
  .meta({ id: "User" });
export const createdToken = z
  .object({
    id: id("token"),
    name: z.string(),
    lastFour: z.string(),
    createdAt: time,
    token: z.string().meta({ description: "Shown in this answer only" }),
  })
  .meta({ id: "CreatedToken" });

export const workspace = z.object({ id: z.string(), name: z.string() }).meta({ id: "MondayWorkspace" });
export const rankedWorkspace = z
  .object({
    id: z.string(),
    name: z.string(),
    rank: z.enum(["team-default", "your-team", "other"]),
    teamNames: z.array(z.string()),
  })
  .meta({ id: "RankedMondayWorkspace" });
export const jiraTicket = z.object({ key: z.string(), url: z.url() }).meta({ id: "JiraTicket" });
export const mondayItem = z.object({ itemId: z.string(), url: z.url() }).meta({ id: "MondayItem" });
export const hookAnswer = z
  .object({
    queued: z.boolean().meta({ description: "Whether the event queued a scan" }),
    synced: z.boolean().optional().meta({ description: "Whether the event changed a linked issue (ticket sync)" }),
  })
  .meta({ id: "HookAccepted" });
export const mondayHookAnswer = z
  .object({
    challenge: z.string().optional().meta({ description: "monday's challenge, echoed when the webhook is created" }),
    synced: z.boolean().optional().meta({ description: "Whether the event changed a linked issue" }),
  })
  .meta({ id: "MondayHookAnswer" });
export const retried = z.object({ count: z.int().min(0) }).meta({ id: "RetriedCount" });
export const detector = z
  .object({
    id: z.string().meta({ description: "The detector's id, as issues show it (CLD001, say)" }),
    name: z.string(),
    severity: z.enum(SEVERITIES),
    remediation: z.string().meta({ description: "What to do about a secret of this kind" }),
  })
  .meta({ id: "Detector" });
