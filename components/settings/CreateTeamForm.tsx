"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { createTeamAction } from "@/lib/people/actions";
import { createTeamSchema, type CreateTeamInput } from "@/lib/people/schemas";

export function CreateTeamForm() {
  const [pending, startTransition] = useTransition();
  const form = useForm<CreateTeamInput>({ resolver: zodResolver(createTeamSchema), defaultValues: { name: "" } });
  const error = form.formState.errors.name?.message;

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await createTeamAction(values);
      if (result.ok) form.reset();
      else form.setError("name", { message: result.fields?.name ?? result.error });
    }),
  );

  return (
    <Card className="mb-6 p-4">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="New team name" error={error} className="flex-1">
          {({ id, describedBy }) => (
            <Input
              id={id}
              placeholder="e.g. Platform"
              aria-describedby={describedBy}
              aria-invalid={!!error}
              {...form.register("name")}
            />
          )}
        </Field>
        <Button type="submit" pending={pending}>
          Create team
        </Button>
      </form>
    </Card>
  );
}
