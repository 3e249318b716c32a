"use client";

import * as SwitchPrimitive from "@radix-ui/react-switch";
import { forwardRef, useId } from "react";
import { cn } from "@/lib/cn";

type SwitchProps = Omit<React.ComponentPropsWithoutRef<typeof SwitchPrimitive.Root>, "id"> & {
  label: string;
  description?: string;
};

/** An on/off control with its visible label (Radix renders `role="switch"` with aria-checked). */
export const Switch = forwardRef<HTMLButtonElement, SwitchProps>(function Switch(
  { label, description, className, ...props },
  ref,
) {
  const id = useId();
  return (
    <div className={cn("flex items-center gap-3", className)}>
      <SwitchPrimitive.Root
        ref={ref}
        id={id}
        aria-describedby={description ? `${id}-description` : undefined}
        className="relative inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full bg-zinc-300 transition-colors data-[state=checked]:bg-accent-600 disabled:cursor-not-allowed disabled:opacity-60"
        {...props}
      >
        <SwitchPrimitive.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[22px]" />
      </SwitchPrimitive.Root>
      <div className="text-sm">
        <label htmlFor={id} className="font-medium text-zinc-800">
          {label}
        </label>
        {description && (
          <p id={`${id}-description`} className="text-xs text-zinc-500">
            {description}
          </p>
        )}
      </div>
    </div>
  );
});
