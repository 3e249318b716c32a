/** How the two webhook kinds differ, so people pick the right one. */
export function WebhookComparison() {
  return (
    <details className="group rounded-md border border-zinc-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-zinc-800">
        Custom Webhook or Events Webhook?
      </summary>
      <div className="border-t border-zinc-200 p-3">
        <table className="w-full table-fixed border-collapse text-left text-xs sm:text-sm">
          <caption className="sr-only">Comparison of the Events Webhook and the Custom Webhook</caption>
          <thead>
            <tr className="text-zinc-500">
              <th scope="col" className="w-20 pb-2 font-medium sm:w-24">
                <span className="sr-only">Feature</span>
              </th>
              <th scope="col" className="pb-2 pr-2 font-medium">
                Events Webhook
              </th>
              <th scope="col" className="pb-2 font-medium">
                Custom Webhook
              </th>
            </tr>
          </thead>
          <tbody className="align-top text-zinc-700">
            <tr className="border-t border-zinc-100">
              <th scope="row" className="py-2 font-medium text-zinc-800">
                Events
              </th>
              <td className="py-2 pr-2">
                Changes in the state of issues or assets (created, updated, resolved, ignored, deleted), and the end of
                every ingest.
              </td>
              <td className="py-2">New issues only.</td>
            </tr>
            <tr className="border-t border-zinc-100">
              <th scope="row" className="py-2 font-medium text-zinc-800">
                Payload
              </th>
              <td className="py-2 pr-2">Only the ids of the changed resources; related changes are combined.</td>
              <td className="py-2">
                Issue details: asset id, detector id and name, severity, and the URI of the issue in the source.
              </td>
            </tr>
            <tr className="border-t border-zinc-100">
              <th scope="row" className="py-2 font-medium text-zinc-800">
                Scope
              </th>
              <td className="py-2 pr-2">Global and per team.</td>
              <td className="py-2">Global only.</td>
            </tr>
          </tbody>
        </table>
      </div>
    </details>
  );
}
