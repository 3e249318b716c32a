"use client";

import { Menu, X } from "lucide-react";
import { useState } from "react";
import Link from "next/link";
import {
  DialogClose,
  DialogDescription,
  DialogPanel,
  DialogRoot,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import type { NavItem } from "./nav";

/** Below the md breakpoint the toolbars fold into this menu. */
export function MobileNav({ links }: { links: NavItem[] }) {
  const [open, setOpen] = useState(false);
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger
        className="inline-flex size-9 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 md:hidden"
        aria-label="Open menu"
      >
        <Menu className="size-5" aria-hidden />
      </DialogTrigger>
      <DialogPanel placement="left" className="w-72 max-w-[85vw] overflow-y-auto p-4">
        <div className="mb-4 flex items-center justify-between">
          <DialogTitle className="text-sm font-semibold">Code Security</DialogTitle>
          <DialogClose
            className="inline-flex size-9 items-center justify-center rounded-md hover:bg-zinc-100"
            aria-label="Close menu"
          >
            <X className="size-5" aria-hidden />
          </DialogClose>
        </div>
        <DialogDescription className="sr-only">Navigate between sections</DialogDescription>
        <nav aria-label="Mobile">
          <ul className="space-y-1">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  onClick={() => setOpen(false)}
                  className="block rounded-md px-3 py-2 text-sm font-medium hover:bg-zinc-100"
                >
                  {l.label}
                </Link>
                {l.children && (
                  <ul className="ml-3 border-l border-zinc-200 pl-2">
                    {l.children.map((s) => (
                      <li key={s.href}>
                        <Link
                          href={s.href}
                          onClick={() => setOpen(false)}
                          className="block rounded-md px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100"
                        >
                          {s.label}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </DialogPanel>
    </DialogRoot>
  );
}
