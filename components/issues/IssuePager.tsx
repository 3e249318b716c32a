"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { formatCount } from "./format";

/**
 * Where this page stands in the whole, Previous and Next. Pages follow a cursor, so Previous goes
 * back in history rather than computing the cursor before.
 */
export function IssuePager({
  shown,
  total,
  page,
  pageSize,
  nextHref,
}: {
  shown: number;
  total: number;
  page: number;
  pageSize: number;
  nextHref: string | null;
}) {
  const router = useRouter();
  const first = (page - 1) * pageSize + 1;
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-end gap-3 text-sm text-zinc-600">
      <span aria-live="polite">
        {shown
          ? `${formatCount(first)}–${formatCount(first + shown - 1)} of ${formatCount(total)}`
          : `0 of ${formatCount(total)}`}
      </span>
      {page > 1 && (
        <button
          type="button"
          onClick={() => router.back()}
          className="inline-flex items-center gap-1 rounded-md px-2 py-1 hover:bg-zinc-100"
        >
          <ChevronLeft className="size-4" aria-hidden /> Previous
        </button>
      )}
      {nextHref && (
        <Link
          href={nextHref}
          scroll={false}
          className="inline-flex items-center gap-1 rounded-md px-2 py-1 hover:bg-zinc-100"
        >
          Next <ChevronRight className="size-4" aria-hidden />
        </Link>
      )}
    </nav>
  );
}
