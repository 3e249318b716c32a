"use client";

import { Button } from "@/components/ui/button";
import { DialogClose, DialogHeader, DialogPanel, DialogRoot } from "@/components/ui/dialog";
import type { IssueTicket, IssueView } from "@/lib/issues/queries";

/** What every ticket provider's create dialog takes (components/tickets/dialogs.ts lists them). */
export type TicketDialogProps = {
  issue: IssueView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (ticket: IssueTicket) => void;
};

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
