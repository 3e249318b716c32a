/** The seed's three steps for getting an incoming-webhook URL, next to the field they fill. */
// @ts-nocheck

export function SlackSetupSteps() {
  return (
    <div className="rounded-md bg-zinc-50 p-3">
      <p className="font-medium text-zinc-800">How to get a webhook URL</p>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        <li>Create a Slack app.</li>
        <li>Enable incoming webhooks.</li>
        <li>Copy your webhook URL, paste in the field.</li>
      </ol>
      <p className="mt-2">
        For more information, see the{" "}
        <a className="font-medium text-accent-700 underline underline-offset-2" href="https://api.slack.com/messaging/webhooks" target="_blank" rel="noreferrer">
          Slack documentation
        </a>
        .
      </p>
    </div>
  );
}
