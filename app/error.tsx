"use client";

import { Button } from "@/components/ui/button";
import { BrandedMessage } from "@/components/shell/BrandedMessage";

/** Anything a page did not handle. The message stays general: details are in the server log, under the digest. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <BrandedMessage
      code="Error"
      title="Something went wrong"
      actions={
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
      }
    >
      <p>The page could not be shown. Try again in a moment; if it keeps happening, tell your administrator.</p>
      {error.digest && <p className="mt-2 font-mono text-xs text-zinc-500">Reference {error.digest}</p>}
    </BrandedMessage>
  );
}
