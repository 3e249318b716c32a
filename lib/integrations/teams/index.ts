import { chatWebhook } from "../chat";
import { defineProvider, type ResponseVerdict } from "../types";
import { parseJson, vendorText } from "../vendor-text";
import { issuesCreatedMessage, testMessage } from "./card";
import { teamsForm } from "./schema";

/**
 * A Workflows trigger answers 202 Accepted with no body. Errors come as Logic Apps'
 * `{"error": {"code", "message"}}`; a deleted workflow (404 WorkflowNotFound) or a URL whose
 * signature no longer matches will not work again until someone sets a new URL.
 */
export function judgeTeamsResponse(status: number, body: string): ResponseVerdict {
  if (status >= 200 && status < 300) return { ok: true };
  const error = (parseJson(body) as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === "string" ? error.code : "";
  const message = vendorText(
    [code, typeof error?.message === "string" ? error.message : ""].filter(Boolean).join(": ") || body,
  );
  const gone = status === 410 || code === "WorkflowNotFound" || code === "DirectApiInvalidAuthorizationSignature";
  return { ok: false, message: message || undefined, disable: gone };
}

export const teams = defineProvider({
  id: "teams",
  name: "Microsoft Teams",
  scopes: ["global", "team"],
  form: teamsForm,
  ui: {
    setup: {
      title: "How to get a webhook URL",
      steps: [
        ["In Teams, open the channel's ••• menu and choose Workflows."],
        ["Pick “Post to a channel when a webhook request is received” and finish the template."],
        ["Copy the workflow's URL, paste in the field."],
      ],
      note: [
        "For more information, see the ",
        {
          text: "Microsoft Teams documentation",
          href: "https://support.microsoft.com/office/create-incoming-webhooks-with-workflows-for-microsoft-teams-8ae491c7-0394-4861-ba59-055e33f75498",
        },
        ".",
      ],
    },
  },
  // The same trigger and minimum severity as Slack: one card per ingest that created issues.
  ...chatWebhook({ render: issuesCreatedMessage, testMessage, judge: judgeTeamsResponse, posted: "Test card posted" }),
  category: "messaging",
});
