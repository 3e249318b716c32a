import { apiRoute } from "@/lib/api/handler";
import { requireAdmin } from "@/lib/auth/principal";
import { NotFoundError } from "@/lib/errors";
import { getAsset } from "@/lib/assets/queries";
import { assetPatchSchema } from "@/lib/assets/schemas";
import { deleteAsset, setAssetTeam } from "@/lib/assets/service";

// The asset id is the scanner's id, URL-encoded in the path; apiRoute decodes it.
export const GET = apiRoute({}, async ({ params }) => {
  const asset = await getAsset(params.id);
  if (!asset) throw new NotFoundError("Asset");
  return asset;
});

export const PATCH = apiRoute(
  { body: assetPatchSchema, authorize: ({ principal }) => requireAdmin(principal) },
  async ({ principal, params, body }) => setAssetTeam(principal, params.id, body.teamId),
);

export const DELETE = apiRoute({}, async ({ principal, params }) => {
  await deleteAsset(principal, params.id);
});
