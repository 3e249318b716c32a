"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { redeliverAction } from "@/lib/delivery/actions";
import type { DeliveryView } from "@/lib/delivery/queries";
import { absoluteTime } from "@/lib/format/time";

type Props = { delivery: DeliveryView; onOpen: () => void; onRedelivered: () => void };

/** A delivery row's last cell: Details and Redeliver, named for the delivery, and a refused redelivery's reason. */
export function DeliveryActions({ delivery: d, onOpen, onRedelivered }: Props) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const when = absoluteTime(d.createdAt);
  const redeliver = () =>
    startTransition(async () => {
      const result = await redeliverAction({ id: d.id });
      setError(result.ok ? undefined : result.error);
      onRedelivered();
    });
  return (
    <span role="cell" className="ml-auto sm:ml-0">
      <span className="flex justify-end gap-1.5">
        <Button
          type="button"
          variant="ghost"
          className="h-7 px-2 text-xs"
          onClick={onOpen}
          aria-label={`Details of ${d.kind} delivery from ${when}`}
        >
          Details
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="h-7 px-2 text-xs"
          pending={pending}
          onClick={redeliver}
          aria-label={`Redeliver ${d.kind} delivery from ${when}`}
        >
          Redeliver
        </Button>
      </span>
      {error && (
        <span role="alert" className="mt-1 block text-right text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
