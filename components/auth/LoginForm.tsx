"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { loginAction } from "@/lib/auth/actions";
import { loginSchema, type LoginInput } from "@/lib/auth/login-schema";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: "", password: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setError(undefined);
    startTransition(async () => {
      const result = await loginAction(values, callbackUrl);
      if (result?.error) setError(result.error);
    });
  });

  return (
    // method="post": a form sent before the page is interactive (scripts still loading or blocked)
    // must not put the password in the address, the history and the access logs, as a GET would.
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Email" error={errors.email?.message}>
        {({ id, describedBy }) => (
          <Input
            id={id}
            type="email"
            autoComplete="username"
            aria-describedby={describedBy}
            aria-invalid={!!errors.email}
            {...form.register("email")}
          />
        )}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {({ id, describedBy }) => (
          <Input
            id={id}
            type="password"
            autoComplete="current-password"
            aria-describedby={describedBy}
            aria-invalid={!!errors.password}
            {...form.register("password")}
          />
        )}
      </Field>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
