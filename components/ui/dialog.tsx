"use client";

import * as Radix from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

export const DialogRoot = Radix.Root;
export const DialogTrigger = Radix.Trigger;
export const DialogClose = Radix.Close;
export const DialogTitle = Radix.Title;
export const DialogDescription = Radix.Description;

/** Where the panel stands: a sheet from the right or the left edge, or a centred modal. */
const PLACEMENT = {
  right: "fixed inset-y-0 right-0 z-50 flex w-full flex-col",
  left: "fixed inset-y-0 left-0 z-50",
  center: "fixed left-1/2 top-1/2 z-[70] flex -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg",
} as const;

/** A centred modal stacks over a side sheet, so its overlay sits above the sheet too. */
const OVERLAY = { right: "z-40 bg-zinc-900/30", left: "z-40 bg-zinc-900/40", center: "z-[60] bg-zinc-900/40" } as const;

/** The overlay and the panel, in a portal: Escape, a click outside and ✕ close it. */
export function DialogPanel({
  placement,
  className,
  children,
}: {
  placement: keyof typeof PLACEMENT;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Radix.Portal>
      <Radix.Overlay className={cn("fixed inset-0", OVERLAY[placement])} />
      <Radix.Content className={cn(PLACEMENT[placement], "bg-white shadow-xl focus:outline-none", className)}>
        {children}
      </Radix.Content>
    </Radix.Portal>
  );
}

/** A ✕ that closes the dialog; `label` is its accessible name. */
export function DialogCloseButton({ label = "Close", className }: { label?: string; className?: string }) {
  return (
    <Radix.Close asChild>
      <Button variant="ghost" className={cn("h-8 px-2", className)} aria-label={label}>
        <X className="size-4" aria-hidden />
      </Button>
    </Radix.Close>
  );
}

/** The panel's top bar: its title and description on the left, ✕ on the right. */
export function DialogHeader({
  title,
  description,
  descriptionClassName,
  className,
  as: Tag = "div",
  close = <DialogCloseButton />,
}: {
  title: React.ReactNode;
  description: React.ReactNode;
  descriptionClassName?: string;
  className?: string;
  as?: "div" | "header";
  close?: React.ReactNode;
}) {
  return (
    <Tag className={cn("flex items-start justify-between gap-3 border-b border-zinc-200 px-5 py-4", className)}>
      <div className="min-w-0">
        <Radix.Title className="text-base font-semibold text-zinc-900">{title}</Radix.Title>
        <Radix.Description className={cn("mt-0.5 text-sm text-zinc-600", descriptionClassName)}>
          {description}
        </Radix.Description>
      </div>
      {close}
    </Tag>
  );
}
