import { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { SEVERITIES } from "@/lib/severity";

export const ASSET_KINDS = ["code", "log", "host", "productivity", "asset"] as const;
export { SEVERITIES };
export const ISSUE_STATUSES = ["open", "resolved", "ignored"] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export type IssueSeverity = (typeof SEVERITIES)[number];
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

const text = (max: number) => z.string().max(max, `At most ${max} characters`);

export const findingSchema = z
  .object({
    detectorId: text(200).min(1, "Required"),
    detectorName: text(500).optional(),
    severity: z.enum(SEVERITIES, { error: "Must be one of error, warning, info" }),
    path: text(4096).default(""),
    // A finding's content is the matched text; 1 MiB keeps one finding from taking the whole body.
    content: text(1024 * 1024).default(""),
    uri: text(4096).default(""),
    fingerprint: text(500).min(1, "Must not be empty").optional(),
  })
  .strict();

/** UTF-8 bytes of an asset id and an issue identity together, with room to spare in a Postgres index entry. */
const IDENTITY_INDEX_BYTES = 2500;
const encoder = new TextEncoder();
const utf8Bytes = (s: string) => encoder.encode(s).byteLength;

/**
 * One full scan of one asset (contract §3). No cap on the number of findings besides the 10 MiB
 * body: a scan of 10,001 findings with one bad one must be told which one is bad.
 */
export const ingestSchema = z
  .object({
    asset: z
      .object({
        id: text(500).min(1, "Required"),
        name: text(500).min(1).optional(),
        kind: z.enum(ASSET_KINDS, { error: "Must be one of code, log, host, productivity, asset" }),
        url: z.union([z.url({ protocol: /^https?$/, error: "Must be an http(s) URL" }), z.literal("")]).nullish(),
      })
      .strict(),
    files: z.array(text(4096)).optional(),
    findings: z.array(findingSchema),
  })
  .strict()
  .superRefine((scan, ctx) => {
    // The issue index holds (asset id, "fp:" + fingerprint) in one entry, which Postgres caps near 2.7 KB.
    const room = IDENTITY_INDEX_BYTES - utf8Bytes(scan.asset.id);
    scan.findings.forEach((f, i) => {
      if (f.fingerprint !== undefined && utf8Bytes(f.fingerprint) + 3 > room)
        ctx.addIssue({
          code: "custom",
          path: ["findings", i, "fingerprint"],
          message: `Too long beside this asset id: the two together are at most ${IDENTITY_INDEX_BYTES - 3} bytes of UTF-8`,
        });
    });
  });

export type IngestInput = z.output<typeof ingestSchema>;
export type FindingInput = z.output<typeof findingSchema>;

/**
 * Parse an ingest body, naming every bad field by its path (`findings[3].severity`). Unknown
 * keys are named one by one (`findings[2].colour`) rather than by their parent object.
 */
export function parseIngest(raw: unknown): IngestInput {
  const parsed = ingestSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const base = issue.path.reduce<string>(
      (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
      "",
    );
    const keys =
      issue.code === "unrecognized_keys" ? issue.keys.map((k) => (base ? `${base}.${k}` : k)) : [base || "body"];
    for (const key of keys) fields[key] ??= issue.code === "unrecognized_keys" ? "Unknown field" : issue.message;
    if (Object.keys(fields).length >= 100) break;
  }
  const [first] = Object.entries(fields);
  throw new ValidationError(`Invalid ingest: ${first[0]}: ${first[1]}`, fields);
}

export const statusPatchSchema = z
  .object({ status: z.enum(ISSUE_STATUSES, { error: "Must be one of open, resolved, ignored" }) })
  .strict();

export const SORTS = ["newest", "oldest", "severity"] as const;
export type IssueSort = (typeof SORTS)[number];

const uuid = z.uuid("Must be a team id");

/** Filters shared by the REST list, the page's URL and the server query. */
export const issueFiltersSchema = z.object({
  assetId: z.string().min(1).max(500).optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  kind: z.enum(ASSET_KINDS).optional(),
  teamId: uuid.optional(),
  detectorId: z.string().min(1).max(200).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(SORTS).default("newest"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type IssueFilters = z.output<typeof issueFiltersSchema>;
