"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { DialogClose, DialogHeader, DialogPanel, DialogRoot } from "@/components/ui/dialog";
import { getDeliveryAction } from "@/lib/delivery/actions";
import type { DeliveryView } from "@/lib/delivery/queries";
import { Attempt, Code } from "./DeliveryAttempt";
import { DeliveryFacts } from "./DeliveryFacts";
import { formatBody } from "./format";

type Props = { delivery: DeliveryView | null; onClose: () => void };

/** A side panel with the body sent and every attempt: masked request headers, the answer. */
export function DeliveryDetail({ delivery, onClose }: Props) {
  const detail = useQuery({
    queryKey: ["delivery", delivery?.id],
    queryFn: async () => {
      const result = await getDeliveryAction({ id: delivery!.id });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    enabled: !!delivery,
    refetchInterval: (q) => (q.state.data?.status === "pending" ? 2000 : false),
  });
  const shown = detail.data ?? delivery;
  return (
    <DialogRoot open={!!delivery} onOpenChange={(open) => !open && onClose()}>
      <DialogPanel placement="right" className="max-w-2xl overflow-hidden">
        <DialogHeader
          as="header"
          className="gap-4"
          title={`Delivery: ${shown?.kind ?? ""}`}
          description={shown?.id}
          descriptionClassName="font-mono text-xs text-zinc-500"
          close={
            <DialogClose
              className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
              aria-label="Close"
            >
              <X className="size-5" aria-hidden />
            </DialogClose>
          }
        />
        {shown && (
          <div className="flex-1 space-y-6 overflow-y-auto px-5 py-4 text-sm">
            <DeliveryFacts delivery={shown} />
            <section aria-labelledby="delivery-body">
              <h3 id="delivery-body" className="mb-1.5 font-medium text-zinc-900">
                Request body
              </h3>
              <Code text={formatBody(shown.requestBody) || "Not sent yet"} label="Request body" />
            </section>
            <section aria-labelledby="delivery-attempts">
              <h3 id="delivery-attempts" className="mb-1.5 font-medium text-zinc-900">
                Attempts ({shown.attempts.length})
              </h3>
              {detail.isError && (
                <p role="alert" className="text-red-700">
                  Could not load the attempts: {detail.error.message}
                </p>
              )}
              <ol className="space-y-3">
                {shown.attempts.map((a, i) => (
                  <Attempt key={`${a.at}-${i}`} attempt={a} number={i + 1} />
                ))}
              </ol>
            </section>
          </div>
        )}
      </DialogPanel>
    </DialogRoot>
  );
}
