"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { acceptMaskedSecrets, commonSettingsSchema, type FieldSpec } from "@/lib/integrations/form-spec";
import { formFor } from "@/lib/integrations/registry";
import type { IntegrationView } from "@/lib/integrations/views";

export type FormValues = Record<string, string | boolean | undefined>;

export function valuesOf(view: IntegrationView, fields: FieldSpec[]): FormValues {
  const values: FormValues = { minSeverity: view.minSeverity, enabled: view.enabled };
  for (const f of fields)
    values[f.name] = typeof view.settings[f.name] === "string" ? (view.settings[f.name] as string) : "";
  return values;
}

/**
 * The provider's own zod schema drives the form, as it drives the server. Stored secrets arrive
 * masked, and a mask left in place is valid: it means "keep the stored value".
 */
export function useIntegrationForm(view: IntegrationView, teamScope: boolean) {
  const { schema, fields, severityHint } = formFor(view.provider, teamScope);
  const resolver = useMemo(
    () =>
      zodResolver(
        acceptMaskedSecrets(schema, fields).extend(commonSettingsSchema.shape),
      ) as unknown as Resolver<FormValues>,
    [schema, fields],
  );
  const form = useForm<FormValues>({ resolver, defaultValues: valuesOf(view, fields), mode: "onSubmit" });
  return { form, fields, severityHint };
}
