import { Time } from "@/components/ui/time";
import { ticketWords } from "@/lib/integrations/registry";
import type { SyncPanelView } from "@/lib/sync/panel";

/** How many tickets are linked, and what the last reconciliation found. */
export function SyncLastRun({ view }: { view: SyncPanelView }) {
  const last = view.last;
  const words = ticketWords(view.provider);
  const hook = words.statusHook;
  const noun = (n: number) => `${n} ${n === 1 ? words.noun : words.plural}`;
  return (
    <div className="space-y-1 text-sm" aria-live="polite">
      <p className="text-zinc-700">
        {noun(view.linked).replace(/^(\d+) /, "$1 linked ")}
        {hook
          ? ` · ${view.subscribedBoards} ${view.subscribedBoards === 1 ? hook.container : hook.containers} subscribed to status changes`
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
