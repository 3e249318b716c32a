import { Time } from "@/components/ui/time";
import type { SyncPanelView } from "@/lib/sync/panel";

/** How many tickets are linked, and what the last reconciliation found. */
export function SyncLastRun({ view, provider }: { view: SyncPanelView; provider: "jira" | "monday" }) {
  const last = view.last;
  const noun = (n: number) => `${n} ${provider === "jira" ? "ticket" : "item"}${n === 1 ? "" : "s"}`;
  return (
    <div className="space-y-1 text-sm" aria-live="polite">
      <p className="text-zinc-700">
        {noun(view.linked).replace(/^(\d+) /, "$1 linked ")}
        {provider === "monday"
          ? ` · ${view.subscribedBoards} ${view.subscribedBoards === 1 ? "board" : "boards"} subscribed to status changes`
          : ""}
      </p>
      {!last?.finishedAt ? (
        <p className="text-zinc-600">Not reconciled yet.</p>
      ) : last.error ? (
        <p role="alert" className="text-red-700">
          Last reconciliation failed <Time iso={last.finishedAt} />: {last.error}
        </p>
      ) : (
        <p className="text-zinc-600">
          Last reconciliation <Time iso={last.finishedAt} />: {noun(last.checked)} checked, {last.changed}{" "}
          {last.changed === 1 ? "issue" : "issues"} changed
          {last.unlinked ? `, ${noun(last.unlinked)} deleted in the tool unlinked` : ""}.
        </p>
      )}
    </div>
  );
}
