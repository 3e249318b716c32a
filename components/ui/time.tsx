"use client";

import { useSyncExternalStore } from "react";
import { absoluteTime, relativeTime } from "@/lib/format/time";

// One clock for every <Time> on the page, ticking twice a minute.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The product's one way to show a moment: relative text, the absolute local time on hover (and
 * for screen readers through `title`), machine-readable in `dateTime`. It keeps itself current.
 */
export function Time({
  iso,
  className,
  prefix,
}: {
  iso: string | null | undefined;
  className?: string;
  prefix?: string;
}) {
  // On the server (and while hydrating) there is no reader's clock or zone yet: UTC, the server's now.
  const clock = useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
  if (!iso) return null;
  const title = clock === null ? absoluteTime(iso, "UTC") : absoluteTime(iso);
  return (
    <time dateTime={iso} title={title} className={className} suppressHydrationWarning>
      {prefix}
      {relativeTime(iso, clock ?? undefined)}
    </time>
  );
}
