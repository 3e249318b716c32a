"use client";

import { KeyRound } from "lucide-react";
import { useState, useTransition } from "react";
import { EmptyState } from "@/components/ui/card";
import { CreateToken } from "./CreateToken";
import { TokenTable, type Token } from "./TokenTable";

/**
 * The signed-in person's API tokens: create one (shown once), list them, revoke one. Creating and
 * revoking share one pending state, so neither runs while the other does.
 */
export function ApiTokens({ tokens }: { tokens: Token[] }) {
  const [pending, startTransition] = useTransition();
  const [revokeError, setRevokeError] = useState<string>();

  return (
    <div className="space-y-6">
      <CreateToken pending={pending} startTransition={startTransition} />

      {tokens.length === 0 ? (
        <EmptyState icon={<KeyRound className="size-8" aria-hidden />} title="No API tokens">
          Create one to call the REST API from a script or a scanner.
        </EmptyState>
      ) : (
        <TokenTable
          tokens={tokens}
          pending={pending}
          startTransition={startTransition}
          onRevokeError={setRevokeError}
        />
      )}
      {revokeError && (
        <p role="alert" className="text-sm text-red-700">
          {revokeError}
        </p>
      )}
    </div>
  );
}
