import { apiRoute, uuidParam } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { getIssue } from "@/lib/issues/queries";
import { statusPatchSchema } from "@/lib/issues/schemas";
import { setIssueStatus } from "@/lib/issues/status";

export const GET = apiRoute({}, async ({ params }) => {
  const issue = await getIssue(uuidParam(params.id, "Issue"));
  if (!issue) throw new NotFoundError("Issue");
  return issue;
});

export const PATCH = apiRoute({ body: statusPatchSchema }, async ({ principal, params, body }) =>
  setIssueStatus(principal, uuidParam(params.id, "Issue"), body.status),
);
