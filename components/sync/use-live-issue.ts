"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { IssueView } from "@/lib/issues/queries";
import { liveIssueAction } from "@/lib/sync/actions";

const POLL_MS = 10_000;

/**
 * Ticket sync changes issues from outside this page (a ticket closed in Jira): the open quick
 * view re-reads its issue every 10 s, and the table refreshes itself every 30 s while visible.
 */
export function useLiveIssue(selected: IssueView | null): IssueView | null {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === "visible" && router.refresh(), 3 * POLL_MS);
    return () => clearInterval(timer);
  }, [router]);
  const live = useQuery({
    // A change made here (Resolve, a new ticket) gives a new key: the page's copy is fresh until the next read.
    queryKey: ["live-issue", selected?.id, selected && fingerprint(selected)],
    enabled: !!selected,
    refetchInterval: POLL_MS,
    queryFn: async () => {
      const r = await liveIssueAction({ issueId: selected!.id });
      if (!r.ok) throw new Error(r.error);
      return r.data;
    },
  });
  if (!selected) return null;
  return live.data?.id === selected.id ? live.data : selected;
}

const fingerprint = (i: IssueView) => `${i.status}|${i.tickets.map((t) => `${t.key}:${t.status}:${t.syncedAt}`).join()}`;
