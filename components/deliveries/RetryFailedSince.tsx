"use client";

import { RotateCcw } from "lucide-react";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { retryFailedSinceAction } from "@/lib/delivery/actions";
import { toLocalInput } from "./format";

/** "Retry all failed since …": queues every failed delivery of this integration since the chosen time. */
export function RetryFailedSince({ integrationId, onDone }: { integrationId: string; onDone: () => void }) {
  const id = useId();
  const [since, setSince] = useState(() => toLocalInput(new Date(Date.now() - 24 * 3600_000)));
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const answer = await retryFailedSinceAction({ integrationId, since: new Date(since) });
      if (!answer.ok) setResult({ ok: false, text: answer.fields?.since ?? answer.error });
      else {
        const n = answer.data.count;
        setResult({
          ok: true,
          text:
            n === 0
              ? "No failed deliveries since then"
              : `${n} failed ${n === 1 ? "delivery" : "deliveries"} queued again`,
        });
        onDone();
      }
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="space-y-1">
        <label htmlFor={id} className="block text-xs font-medium text-zinc-700">
          Failed since
        </label>
        <input
          id={id}
          type="datetime-local"
          required
          value={since}
          onChange={(e) => setSince(e.target.value)}
          className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-accent-500 focus:ring-2 focus:ring-accent-100 focus:outline-none"
        />
      </div>
      <Button type="submit" variant="secondary" className="h-8 px-3 text-xs" pending={pending}>
        <RotateCcw className="size-3.5" aria-hidden /> Retry all failed
      </Button>
      {result && (
        <p
          role={result.ok ? "status" : "alert"}
          className={result.ok ? "text-xs text-zinc-600" : "text-xs font-medium text-red-700"}
        >
          {result.text}
        </p>
      )}
    </form>
  );
}
