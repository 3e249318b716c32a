"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { issuesHref } from "./format";

/** Go to the issues URL with some filters changed (and the quick view closed), as a transition. */
export function useFilterUrl(query: Record<string, string | undefined>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The URL most recently asked for: a search that fires after a select changed builds on it,
  // not on the props of the render that started the timer.
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
  }, [query]);

  const go = (changes: Record<string, string | undefined>) => {
    const href = issuesHref(latest.current, { ...changes, issue: undefined });
    latest.current = Object.fromEntries(new URL(href, "http://x").searchParams);
    startTransition(() => router.push(href, { scroll: false }));
  };
  return { pending, go };
}
