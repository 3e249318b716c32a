"use client";

import { Controller } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { SEVERITIES, type FieldSpec } from "@/lib/integrations/form-spec";
import type { IntegrationView } from "@/lib/integrations/views";
import { MondayWorkspaceField } from "./MondayWorkspaceField";
import type { useIntegrationForm } from "./use-integration-form";

const SECRET_HINT = "Stored encrypted and shown masked. Leave a masked value as it is to keep it.";

type FormApi = ReturnType<typeof useIntegrationForm>["form"];

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

function FieldHelp({ field }: { field: FieldSpec }) {
  if (!field.help && !field.secret) return undefined;
  return (
    <>
      {field.help && (
        <span className="block">
          {field.help.text}{" "}
          <a
            className="font-medium text-accent-700 underline underline-offset-2"
            href={field.help.href}
            target="_blank"
            rel="noreferrer"
          >
            {field.help.link}
          </a>
        </span>
      )}
      {field.secret && <span className="block">{SECRET_HINT}</span>}
    </>
  );
}

function SettingsField({
  field,
  form,
  error,
  teamId,
}: {
  field: FieldSpec;
  form: FormApi;
  error?: string;
  teamId: string | null;
}) {
  if (field.type === "workspace" && teamId) return <MondayWorkspaceField teamId={teamId} form={form} error={error} />;
  return (
    <Field
      label={field.label}
      error={error}
      hint={field.help || field.secret ? <FieldHelp field={field} /> : undefined}
    >
      {({ id, describedBy }) => (
        <Input
          id={id}
          type={field.type}
          placeholder={field.placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={!!error}
          {...form.register(field.name)}
        />
      )}
    </Field>
  );
}
