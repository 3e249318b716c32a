"use client";

import { Controller } from "react-hook-form";
import { Field, Select } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { SEVERITIES } from "@/lib/integrations/form-spec";
import type { IntegrationView } from "@/lib/integrations/views";
import { SettingsField } from "./SettingsField";
import type { useIntegrationForm } from "./use-integration-form";

/** The provider's fields, then minimum severity and the Enabled switch where they apply. */
export function IntegrationFields({
  view,
  teamId,
  form,
  fields,
  severityHint,
}: { view: IntegrationView; teamId: string | null } & ReturnType<typeof useIntegrationForm>) {
  const { errors } = form.formState;
  return (
    <>
      {fields.map((field) => (
        <SettingsField key={field.name} field={field} form={form} error={errors[field.name]?.message} teamId={teamId} />
      ))}
      {(severityHint || view.configured) && (
        <div className="grid items-end gap-4 sm:grid-cols-2">
          {severityHint && (
            <Field label="Minimum severity" error={errors.minSeverity?.message} hint={severityHint}>
              {({ id, describedBy }) => (
                <Select id={id} aria-describedby={describedBy} {...form.register("minSeverity")}>
                  {SEVERITIES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          )}
          {/* A new integration is on once saved; the switch exists only for one that is. */}
          {view.configured && (
            <Controller
              control={form.control}
              name="enabled"
              render={({ field }) => (
                <Switch
                  label="Enabled"
                  description="Off: nothing is sent, and people cannot create items with it."
                  checked={field.value !== false}
                  onCheckedChange={field.onChange}
                  className="pb-1"
                />
              )}
            />
          )}
        </div>
      )}
    </>
  );
}
