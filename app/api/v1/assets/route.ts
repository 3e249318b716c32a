import { apiRoute } from "@/lib/api/handler";
import { listAssets } from "@/lib/assets/queries";
import { parseAssetFilters } from "@/lib/assets/schemas";

export const GET = apiRoute({}, async ({ url }) => ({
  items: await listAssets(parseAssetFilters(url.searchParams)),
  nextCursor: null,
}));
