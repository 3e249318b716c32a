"use client";

import { useQuery } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";
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
