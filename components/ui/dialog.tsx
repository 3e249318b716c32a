"use client";

import * as Radix from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
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

/**
 * While this panel is open, every other open dialog (the quick view under a create dialog) is inert
 * and hidden from assistive technology, so only the top dialog is exposed. Radix hides the rest of
 * the page but keeps every aria-live region and its ancestors, and the quick view holds one.
 */
function useInertBehind(panel: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const self = panel.current;
    if (!self) return;
    const behind = Array.from(document.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]')).filter(
      (d) => d !== self && !d.contains(self) && !self.contains(d) && !d.hasAttribute("inert"),
    );
    const hidden = behind.filter((d) => d.getAttribute("aria-hidden") !== "true");
    for (const d of behind) d.setAttribute("inert", "");
    for (const d of hidden) d.setAttribute("aria-hidden", "true");
    return () => {
      for (const d of behind) d.removeAttribute("inert");
      for (const d of hidden) d.removeAttribute("aria-hidden");
    };
  }, [panel]);
}

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
      <PanelContent className={cn(PLACEMENT[placement], "bg-white shadow-xl focus:outline-none", className)}>
        {children}
      </PanelContent>
    </Radix.Portal>
  );
}

/**
 * Radix's Content, mounted only while open, making the dialogs behind it inert. On close, focus goes
 * back to what had it when the dialog opened (our dialogs are opened by state, not by a Radix
 * Trigger, which is all Radix returns focus to), or, when that is gone, to the dialog below.
 */
function PanelContent({ className, children }: { className: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Read while rendering, before Radix moves focus into the panel.
  const [opener] = useState(() => (typeof document === "undefined" ? null : document.activeElement));
  useInertBehind(ref);
  const returnFocus = (event: Event) => {
    const below = Array.from(document.querySelectorAll<HTMLElement>('[role="dialog"]:not([inert])')).at(-1);
    const target = opener instanceof HTMLElement && opener.isConnected && opener !== document.body ? opener : below;
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
  return (
    <Radix.Content ref={ref} className={className} onCloseAutoFocus={returnFocus}>
      {children}
    </Radix.Content>
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
