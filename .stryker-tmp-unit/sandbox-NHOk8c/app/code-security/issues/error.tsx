// @ts-nocheck
"use client";

import { Button } from "@/components/ui/button";

export default function IssuesError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="px-4 py-6 md:px-8">
      <h1 className="mb-4 text-xl font-semibold tracking-tight text-zinc-900">Issues</h1>
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        The issues could not be loaded. Try again in a moment.
        <Button variant="secondary" className="ml-3" onClick={reset}>
          Try again
        </Button>
      </div>
    </main>
  );
}
