"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/api/action";
import { setAssetTeam } from "./service";

/** The assets table's team select: the same service as PATCH /api/v1/assets/{id}. */
export const setAssetTeamAction = validatedAction(
  z.object({ id: z.string().min(1), teamId: z.uuid().nullable() }),
  async ({ id, teamId }, principal) => {
    const asset = await setAssetTeam(principal, id, teamId);
    revalidatePath("/code-security/assets");
    return asset;
  },
);
