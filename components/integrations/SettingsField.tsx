"use client";

import { Field, Input } from "@/components/ui/field";
import type { FieldSpec } from "@/lib/integrations/form-spec";
import { MondayWorkspaceField } from "./MondayWorkspaceField";
import type { useIntegrationForm } from "./use-integration-form";

const SECRET_HINT = "Stored encrypted and shown masked. Leave a masked value as it is to keep it.";

type FormApi = ReturnType<typeof useIntegrationForm>["form"];

/** One field the provider declares: an input with its help, or the team's workspace picker. */
export function SettingsField({
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
