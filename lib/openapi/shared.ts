import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { commonSettingsSchema } from "@/lib/integrations/form-spec";
import { offeredAt, PROVIDER_IDS, PROVIDERS } from "@/lib/integrations/registry";
import { SCAN_PROVIDER_IDS } from "@/lib/scanning/settings";
import { errorAnswer } from "./components";

/** The building blocks of the operations (lib/openapi/paths-*.ts). */

export type Operation = ZodOpenApiOperationObject;

export const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
export const body = (schema: z.ZodType, description?: string) => ({ required: true, description, ...json(schema) });

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed: the body is not JSON, or a header is malformed",
  401: "No valid API token",
  403: "The caller's role may not do this",
  404: "No such resource (or not one the caller may see)",
  409: "Conflicts with the current state",
  413: "The body is over this route's limit",
  422: "Invalid input: `fields` names each bad field",
  429: "Too many requests; see Retry-After",
  500: "Something failed on our side; the log has the details, the answer none",
  502: "The vendor refused or could not be reached: its status and its own error text",
};

/** Successful answers plus the errors an operation can give, each an Error body. */
export function answers(ok: ZodOpenApiResponsesObject, ...errors: number[]): ZodOpenApiResponsesObject {
  const out: ZodOpenApiResponsesObject = { ...ok };
  for (const status of [401, 403, ...errors, 500])
    out[String(status) as "400"] = { description: ERROR_TEXT[status], ...json(errorAnswer) };
  return out;
}

export const ok = (schema: z.ZodType, description = "OK") => ({ "200": { description, ...json(schema) } });
export const created = (schema: z.ZodType, description = "Created") => ({ "201": { description, ...json(schema) } });
export const noContent = { "204": { description: "Done; no body" } };

/** Errors of a route that reads a JSON body. */
export const BODY_ERRORS = [400, 413, 422] as const;

export const providerId = z.enum(PROVIDER_IDS).meta({ id: "Provider" });
export const teamId = z.uuid().meta({ description: "The team's id" });
export const providerPath = z.object({ provider: providerId });
export const teamProviderPath = z.object({ teamId, provider: providerId });
const scanProviderId = z.enum(SCAN_PROVIDER_IDS);
export const scanProviderPath = z.object({ provider: scanProviderId });
export const teamScanProviderPath = z.object({ teamId, provider: scanProviderId });

/**
 * A settings body: one provider's fields (the same schemas the forms and the server parse with),
 * plus `enabled` and `minSeverity`. A stored secret may be left out or sent back masked to keep it.
 */
export const settingsBody = z
  .union(PROVIDERS.map((p) => p.form.schema.extend(commonSettingsSchema.shape).meta({ title: p.name })))
  .meta({ id: "IntegrationSettings" });
export const teamSettingsBody = z
  .union(
    PROVIDERS.filter((p) => offeredAt(p, "team")).map((p) =>
      (p.form.teamSchema ?? p.form.schema).extend(commonSettingsSchema.shape).meta({ title: p.name }),
    ),
  )
  .meta({ id: "TeamIntegrationSettings" });
