"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { getDeliveryAction } from "@/lib/delivery/actions";
import type { AttemptView, DeliveryView } from "@/lib/delivery/queries";
import { Time } from "@/components/ui/time";
import { formatBody, formatDuration, statusLook } from "./format";

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
    <Dialog.Root open={!!delivery} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/30" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-50 flex w-full max-w-2xl flex-col overflow-hidden bg-white shadow-xl focus:outline-none">
          <header className="flex items-start justify-between gap-4 border-b border-zinc-200 px-5 py-4">
            <div>
              <Dialog.Title className="text-base font-semibold text-zinc-900">Delivery: {shown?.kind}</Dialog.Title>
              <Dialog.Description className="mt-0.5 font-mono text-xs text-zinc-500">{shown?.id}</Dialog.Description>
            </div>
            <Dialog.Close
              className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
              aria-label="Close"
            >
              <X className="size-5" aria-hidden />
            </Dialog.Close>
          </header>
          {shown && (
            <div className="flex-1 space-y-6 overflow-y-auto px-5 py-4 text-sm">
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function Attempt({ attempt, number }: { attempt: AttemptView; number: number }) {
  const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300 && !attempt.error;
  const headers = Object.entries(attempt.requestHeaders);
  return (
    <li className="rounded-md border border-zinc-200 p-3">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-zinc-900">Attempt {number}</span>
        <Badge tone={ok ? "green" : "red"}>{attempt.status === null ? "No answer" : `HTTP ${attempt.status}`}</Badge>
        <span className="text-zinc-500">
          <Time iso={attempt.at} /> · {formatDuration(attempt.durationMs)}
        </span>
      </p>
      {attempt.error && <p className="mt-1 text-red-800">{attempt.error}</p>}
      {attempt.requestUrl && <p className="mt-2 font-mono text-xs text-zinc-600">POST {attempt.requestUrl}</p>}
      {headers.length > 0 && (
        <table className="mt-2 w-full text-left font-mono text-xs">
          <caption className="sr-only">Request headers of attempt {number}</caption>
          <tbody>
            {headers.map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="w-48 py-0.5 pr-3 align-top font-normal text-zinc-500">
                  {name}
                </th>
                <td className="break-all py-0.5 text-zinc-800">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {attempt.responseBody !== null && (
        <div className="mt-2">
          <p className="mb-1 text-xs font-medium text-zinc-600">Response body</p>
          <Code text={formatBody(attempt.responseBody) || "(empty)"} label={`Response body of attempt ${number}`} />
        </div>
      )}
    </li>
  );
}

function Code({ text, label }: { text: string; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="max-h-64 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap break-all text-zinc-800 ring-1 ring-zinc-200"
    >
      {text}
    </pre>
  );
}
