import { z } from "zod";
import { SEVERITIES, type Severity } from "@/lib/severity";

// Client-safe: the settings forms import this, so nothing here may touch node: modules or the database.

/** Must equal `MASK` in lib/crypto/secrets.ts (a unit test holds them together). */
export const MASK_PREFIX = "••••";
export { SEVERITIES };

/** Fields every integration accepts next to its own (contract §3). */
export const commonSettingsSchema = z.object({
  enabled: z.boolean().optional(),
  minSeverity: z.enum(SEVERITIES, { message: "Choose error, warning or info" }).optional(),
});

export type FieldSpec = {
  name: string;
  /** The accessible name the contract fixes (§6): "Webhook URL", "API Token", … */
  label: string;
  /** `workspace`: a picker of the team's monday workspaces, fed by the server. */
  type: "url" | "email" | "text" | "workspace";
  placeholder?: string;
  secret?: boolean;
  /** Where to find the value, with a link to the vendor's page that shows it. */
  help?: { text: string; href: string; link: string };
};

/** What a settings form needs to know about a provider, shared by the browser and the server. */
export type SettingsForm = {
  schema: z.ZodObject;
  fields: FieldSpec[];
  /** Team scope when it differs (monday keeps only a default workspace there). */
  teamSchema?: z.ZodObject;
  teamFields?: FieldSpec[];
  defaultMinSeverity?: Severity;
  /**
   * What the minimum severity does for this provider, shown under the field. Absent where nothing
   * is filtered (a provider that only receives what people create): then the field is not shown.
   */
  severityHint?: string;
};

export function isMaskedValue(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(MASK_PREFIX);
}

/**
 * The browser holds stored secrets only in masked form; sending the mask back means "keep it".
 * So in the form a secret field accepts its mask as well as a fresh value.
 */
export function acceptMaskedSecrets(schema: z.ZodObject, fields: FieldSpec[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    const original = schema.shape[f.name] as z.ZodType | undefined;
    if (!f.secret || !original) continue;
    // Not a union: its error would be "invalid input" instead of the field's own message.
    shape[f.name] = z.string().superRefine((value, ctx) => {
      if (isMaskedValue(value)) return;
      const parsed = original.safeParse(value);
      if (!parsed.success)
        for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    });
  }
  return schema.extend(shape);
}

/**
 * Whether configured URLs may point at loopback/private hosts over plain http
 * (`OUTBOUND_ALLOW_PRIVATE=true`). The browser cannot read the server's setting, so there only the
 * URL's shape is checked; the server checks again with the real rule.
 */
export function privateTargetsAllowed(): boolean {
  if (typeof window !== "undefined") return true;
  return process.env.OUTBOUND_ALLOW_PRIVATE === "true";
}

function parseUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/** An http(s) URL we may call: https only, unless private targets are allowed. */
export function outboundUrl(value: string): URL | null {
  const url = parseUrl(value);
  if (!url || url.username || url.password) return null;
  if (url.protocol === "http:" && !privateTargetsAllowed()) return null;
  return url;
}

/** A required https URL field, e.g. a receiver's address. */
export function urlField(what: string) {
  return z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(2048, "At most 2048 characters")
    .refine((v) => outboundUrl(v) !== null, `Enter an https:// URL for the ${what}`);
}

/** An Atlassian site root such as `https://acme.atlassian.net`; a trailing slash or path is dropped. */
export const siteUrlField = urlField("domain URL").transform((v) => outboundUrl(v)!.origin);

export const emailField = z
  .string({ message: "Enter the email" })
  .trim()
  .min(1, "Enter the email")
  .pipe(z.email("Enter a valid email address"));

export function tokenField(what: string) {
  return z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(4096, "That is too long for a token");
}
