import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { DeliveryView } from "@/lib/delivery/queries";
import { statusLook } from "./format";

/** A delivery's status with its last error, when it was queued, and when it is tried next. */
export function DeliveryFacts({ delivery: shown }: { delivery: DeliveryView }) {
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1.5">
      <dt className="text-zinc-500">Status</dt>
      <dd>
        <Badge tone={statusLook(shown).tone}>{statusLook(shown).label}</Badge>
        {shown.lastError && <span className="ml-2 text-zinc-700">{shown.lastError}</span>}
      </dd>
      <dt className="text-zinc-500">Queued</dt>
      <dd>
        <Time iso={shown.createdAt} />
      </dd>
      {shown.nextAttemptAt && shown.status === "pending" && (
        <>
          <dt className="text-zinc-500">Next attempt</dt>
          <dd>
            <Time iso={shown.nextAttemptAt} />
          </dd>
        </>
      )}
    </dl>
  );
}
