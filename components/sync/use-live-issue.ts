"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { IssueView } from "@/lib/issues/queries";
import { liveIssueAction } from "@/lib/sync/actions";

const POLL_MS = 10_000;

const fingerprint = (i: IssueView) =>
  `${i.id}|${i.status}|${i.tickets.map((t) => `${t.key}:${t.status}:${t.syncedAt}`).join()}`;

/**
 * Ticket sync changes issues from outside this page (a ticket closed in its tool): the open quick
 * view re-reads its issue every 10 s, and the table refreshes itself every 30 s while visible.
 * A change made here (Resolve, a new ticket) replaces what was read until the next read.
 */
export function useLiveIssue(selected: IssueView | null): IssueView | null {
  const router = useRouter();
  const [live, setLive] = useState<{ from: string; issue: IssueView } | null>(null);
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === "visible" && router.refresh(), 3 * POLL_MS);
    return () => clearInterval(timer);
  }, [router]);
  const key = selected ? fingerprint(selected) : null;
  const id = selected?.id;
  useEffect(() => {
    if (!id || !key) return;
    let stopped = false;
    const timer = setInterval(async () => {
      if (document.visibilityState !== "visible") return;
      const r = await liveIssueAction({ issueId: id }).catch(() => null);
      if (!stopped && r?.ok) setLive({ from: key, issue: r.data });
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id, key]);
  if (!selected) return null;
  return live && live.from === key ? live.issue : selected;
}
