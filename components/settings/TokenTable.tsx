"use client";

import type { TransitionStartFunction } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { revokeTokenAction } from "@/lib/people/actions";

export type Token = { id: string; name: string; lastFour: string; createdAt: string; lastUsedAt: string | null };

/** The tokens, each by name and last four characters, with Revoke. */
export function TokenTable({
  tokens,
  pending,
  startTransition,
  onRevokeError,
}: {
  tokens: Token[];
  pending: boolean;
  startTransition: TransitionStartFunction;
  onRevokeError: (error: string | undefined) => void;
}) {
  return (
    <Card className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your API tokens</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Token
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">
              Created
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">
              Last used
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {tokens.map((t) => (
            <tr key={t.id}>
              <td className="px-4 py-2.5 font-medium">{t.name}</td>
              <td className="px-4 py-2.5 font-mono text-zinc-600">••••{t.lastFour}</td>
              <td className="hidden px-4 py-2.5 text-zinc-600 sm:table-cell">
                <Time iso={t.createdAt} />
              </td>
              <td className="hidden px-4 py-2.5 text-zinc-600 sm:table-cell">
                {t.lastUsedAt ? <Time iso={t.lastUsedAt} /> : "Never"}
              </td>
              <td className="px-4 py-2.5 text-right">
                <Button
                  variant="danger"
                  className="h-8"
                  disabled={pending}
                  aria-label={`Revoke ${t.name}`}
                  onClick={() =>
                    startTransition(async () => {
                      if (!window.confirm(`Revoke “${t.name}”? Anything using it stops working at once.`)) return;
                      const result = await revokeTokenAction({ id: t.id });
                      onRevokeError(result.ok ? undefined : result.error);
                    })
                  }
                >
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
