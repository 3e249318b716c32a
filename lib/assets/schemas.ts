import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/api/respond";
import { ASSET_KINDS } from "@/lib/issues/schemas";

/** An asset maps to at most one team; null unmaps it. */
export const assetPatchSchema = z.object({ teamId: z.uuid("Must be a team id").nullable() }).strict();

export const assetFiltersSchema = z.object({
  teamId: z.uuid("Must be a team id").optional(),
  kind: z.enum(ASSET_KINDS).optional(),
});

export function parseAssetFilters(params: URLSearchParams) {
  const parsed = assetFiltersSchema.safeParse(Object.fromEntries([...params].filter(([, v]) => v !== "")));
  if (!parsed.success) throw new ValidationError("Invalid filter", zodFieldErrors(parsed.error));
  return parsed.data;
}
