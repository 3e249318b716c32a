"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Time } from "@/components/ui/time";
import { KeyRound } from "lucide-react";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input } from "@/components/ui/field";
import { createTokenAction, revokeTokenAction } from "@/lib/people/actions";
import { createTokenSchema, type CreateTokenInput } from "@/lib/people/schemas";

type Token = { id: string; name: string; lastFour: string; createdAt: string; lastUsedAt: string | null };

export function ApiTokens({ tokens }: { tokens: Token[] }) {
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const [pending, startTransition] = useTransition();
  const [revokeError, setRevokeError] = useState<string>();
  const form = useForm<CreateTokenInput>({ resolver: zodResolver(createTokenSchema), defaultValues: { name: "" } });
  const nameError = form.formState.errors.name?.message;

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await createTokenAction(values);
      if (result.ok) {
        setCreated({ name: result.data.name, token: result.data.token });
        form.reset();
      } else form.setError("name", { message: result.fields?.name ?? result.error });
    }),
  );

  return (
    <div className="space-y-6">
      <Card className="p-4">
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field
            label="Token name"
            error={nameError}
            hint="Say what will use it, e.g. “CI scanner”."
            className="flex-1"
          >
            {({ id, describedBy }) => (
              <Input id={id} aria-describedby={describedBy} aria-invalid={!!nameError} {...form.register("name")} />
            )}
          </Field>
          <Button type="submit" pending={pending} className="sm:mb-5">
            Create token
          </Button>
        </form>
        {created && (
          <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3">
            <p className="text-sm font-medium text-emerald-900">
              Token “{created.name}” created. Copy it now: it will not be shown again.
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code
                data-testid="new-token"
                className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-sm text-zinc-900 ring-1 ring-emerald-200"
              >
                {created.token}
              </code>
              <CopyButton value={created.token} />
            </div>
          </div>
        )}
      </Card>

      {tokens.length === 0 ? (
        <EmptyState icon={<KeyRound className="size-8" aria-hidden />} title="No API tokens">
          Create one to call the REST API from a script or a scanner.
        </EmptyState>
      ) : (
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
                          setRevokeError(result.ok ? undefined : result.error);
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
      )}
      {revokeError && (
        <p role="alert" className="text-sm text-red-700">
          {revokeError}
        </p>
      )}
    </div>
  );
}
