"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/api/action";
import { ISSUE_STATUSES } from "./schemas";
import { setIssueStatus } from "./status";

/** The quick view's Resolve / Ignore / Reopen: the same service as PATCH /api/v1/issues/{id}. */
export const setIssueStatusAction = validatedAction(
  z.object({ id: z.uuid(), status: z.enum(ISSUE_STATUSES) }),
  async ({ id, status }, principal) => {
    const issue = await setIssueStatus(principal, id, status);
    revalidatePath("/code-security/issues");
    revalidatePath("/code-security/assets");
    return issue;
  },
);
