import { chatWebhook } from "../chat";
import { defineProvider } from "../types";
import { judgeSlackResponse } from "./client";
import { issuesCreatedMessage, testMessage } from "./notify";
import { slackForm } from "./schema";

export const slack = defineProvider({
  id: "slack",
  name: "Slack",
  scopes: ["global", "team"],
  ui: {
    setup: {
      title: "How to get a webhook URL",
      steps: [["Create a Slack app."], ["Enable incoming webhooks."], ["Copy your webhook URL, paste in the field."]],
      note: [
        "For more information, see the ",
        { text: "Slack documentation", href: "https://api.slack.com/messaging/webhooks" },
        ".",
      ],
    },
  },
  form: slackForm,
  ...chatWebhook({
    render: issuesCreatedMessage,
    testMessage,
    judge: judgeSlackResponse,
    posted: "Test message posted",
  }),
  category: "messaging",
});
