"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type TransitionStartFunction } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input } from "@/components/ui/field";
import { createTokenAction } from "@/lib/people/actions";
import { createTokenSchema, type CreateTokenInput } from "@/lib/people/schemas";

/** Name a new token and create it; its value is shown here once, to copy. */
export function CreateToken({
  pending,
  startTransition,
}: {
  pending: boolean;
  startTransition: TransitionStartFunction;
}) {
  const [created, setCreated] = useState<{ name: string; token: string }>();
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
    <Card className="p-4">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Token name" error={nameError} hint="Say what will use it, e.g. “CI scanner”." className="flex-1">
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
  );
}
