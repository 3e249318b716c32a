"use client";

import { useQuery } from "@tanstack/react-query";
import { ExternalLink, RotateCw } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogHeader, DialogPanel, DialogRoot } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/api/action";

/**
 * A live list from a server action, through React Query: loading, error and retry come for free.
 * An action's failure becomes the query's error so its words reach the person.
 */
export function useLive<T>(key: unknown[], run: () => Promise<ActionResult<T>>, enabled = true) {
  return useQuery({
    queryKey: key,
    queryFn: async () => {
      const result = await run();
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}

type Live = { isPending: boolean; isFetching: boolean; isError: boolean; error: Error | null; refetch: () => unknown };

/** The line under a live list: "Loading…", or the error with a Retry button. */
export function LiveHint({ live, loading, what, id }: { live: Live; loading: string; what: string; id: string }) {
  if (live.isError) {
    return (
      <div id={id} role="alert" className="flex flex-wrap items-center gap-2 text-xs font-medium text-red-700">
        <span>
          Could not load {what}: {live.error?.message}
        </span>
        <Button
          type="button"
          variant="secondary"
          className="h-7 px-2 text-xs"
          pending={live.isFetching}
          onClick={() => live.refetch()}
        >
          <RotateCw className="size-3.5" aria-hidden /> Retry
        </Button>
      </div>
    );
  }
  if (live.isPending || live.isFetching) {
    return (
      <p id={id} role="status" className="text-xs text-zinc-500">
        {loading}
      </p>
    );
  }
  return null;
}

/** What to do when the integration is missing or broken; the settings link helps those who can fix it. */
export function SetupProblem({
  message,
  onRetry,
  retrying,
}: {
  message: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  const notConfigured = /not configured/i.test(message);
  return (
    <div role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p>{message}</p>
      <div className="flex flex-wrap gap-2">
        {notConfigured && (
          <Link href="/code-security/settings/integrations" className="font-medium text-red-900 underline">
            Open Settings → Integrations
          </Link>
        )}
        <Button type="button" variant="secondary" className="h-7 px-2 text-xs" pending={retrying} onClick={onRetry}>
          <RotateCw className="size-3.5" aria-hidden /> Retry
        </Button>
      </div>
    </div>
  );
}

export function ExistingTicket({ label, href, text }: { label: string; href: string; text: string }) {
  return (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      {label}{" "}
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        className="inline-flex items-center gap-1 font-medium underline"
      >
        {text} <ExternalLink className="size-3.5" aria-hidden />
      </a>
    </p>
  );
}

/** The create dialogs' frame: a centred modal over the quick view, closable with Escape or ✕. */
export function TicketDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogPanel placement="center" className="max-h-[92vh] w-[calc(100%-2rem)] max-w-2xl overflow-y-auto">
        <DialogHeader title={title} description={description} />
        <div className="space-y-4 px-5 py-4">{children}</div>
      </DialogPanel>
    </DialogRoot>
  );
}

/** Cancel and the submit button, at the foot of a dialog's form. */
export function DialogActions({ submit, pending, disabled }: { submit: string; pending: boolean; disabled?: boolean }) {
  return (
    <div className="flex justify-end gap-2 border-t border-zinc-200 pt-4">
      <DialogClose asChild>
        <Button type="button" variant="secondary">
          Cancel
        </Button>
      </DialogClose>
      <Button type="submit" pending={pending} disabled={disabled}>
        {submit}
      </Button>
    </div>
  );
}
