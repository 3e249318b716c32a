"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Controller } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { Time } from "@/components/ui/time";
import type { DeliveryHealth } from "@/lib/delivery/health-schema";
import { deleteIntegrationAction, saveIntegrationAction, testIntegrationAction } from "@/lib/integrations/actions";
import { SEVERITIES, type FieldSpec } from "@/lib/integrations/form-spec";
import type { TestResult } from "@/lib/integrations/types";
import type { IntegrationView } from "@/lib/integrations/views";
import { cn } from "@/lib/cn";
import { describeTest } from "./format";
import { IntegrationSummary } from "./IntegrationSummary";
import { MondayWorkspaceField } from "./MondayWorkspaceField";
import { useIntegrationForm, valuesOf, type FormValues } from "./use-integration-form";

export type IntegrationCardProps = {
  view: IntegrationView;
  teamId: string | null;
  /** Beside the fields on wide screens (setup steps). */
  aside?: React.ReactNode;
  /** Under the form (signing token, deliveries). */
  extras?: React.ReactNode;
  /** At the top of the form (what a team's section borrows from the global one). */
  subtitle?: React.ReactNode;
  /** In the summary line instead of the destination (monday.com's account). */
  note?: React.ReactNode;
  /** The last 24 hours of deliveries, for the summary's strip and last delivery. */
  health?: DeliveryHealth;
  /** The form shows from the start (a link to this section asked for it). */
  initiallyOpen?: boolean;
  onTested?: (result: TestResult) => void;
};

type LastTest = { ok: boolean; line: string; at: string };

export function IntegrationCard({
  view,
  teamId,
  aside,
  extras,
  subtitle,
  note,
  health,
  initiallyOpen = false,
  onTested,
}: IntegrationCardProps) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const headingId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const toast = useToast();
  const { form, fields, severityHint } = useIntegrationForm(view, teamId !== null);
  const [saving, startSaving] = useTransition();
  const [removing, startRemoving] = useTransition();
  const [testing, setTesting] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [lastTest, setLastTest] = useState<LastTest | null>(null);
  const { errors } = form.formState;
  const target = { provider: view.provider, teamId };

  /** Server field errors go beside their inputs; anything else becomes a toast. */
  function showFailure(error: string, fieldErrors?: Record<string, string>) {
    const known = new Set([...fields.map((f) => f.name), "minSeverity", "enabled"]);
    const leftover = Object.entries(fieldErrors ?? {}).filter(([name, message]) => {
      if (known.has(name)) form.setError(name, { type: "server", message });
      return !known.has(name);
    });
    if (!fieldErrors || leftover.length > 0 || Object.keys(fieldErrors).length === 0)
      toast.show({ tone: "error", title: `${view.name}: not saved`, description: error });
  }

  const onSave = form.handleSubmit((values) =>
    startSaving(async () => {
      const result = await saveIntegrationAction({ ...target, values });
      if (!result.ok) return showFailure(result.error, result.fields);
      form.reset(valuesOf(result.data, fields));
      const proven = result.data.status.state === "connected" && result.data.status.lastSuccessAt;
      toast.show({
        tone: "success",
        title: `${view.name} settings saved`,
        description: proven ? "The Test of these settings passed." : "Press Test to check them with the receiver.",
      });
      // The summary, status and deliveries are the server's: read them again.
      router.refresh();
    }),
  );

  async function onTest() {
    if (!(await form.trigger())) return;
    setTesting(true);
    try {
      const result = await testIntegrationAction({ ...target, values: form.getValues() as FormValues });
      if (!result.ok) return showFailure(result.error, result.fields);
      const line = describeTest(view.name, result.data);
      setLastTest({ ok: result.data.ok, line, at: new Date().toISOString() });
      toast.show({
        tone: result.data.ok ? "success" : "error",
        title: result.data.ok ? `${view.name} test passed` : `${view.name} test failed`,
        description: line,
      });
      onTested?.(result.data);
      // The test was logged as a delivery and may have changed the status: show both now.
      void queryClient.invalidateQueries({ queryKey: ["deliveries"] });
      void queryClient.invalidateQueries({ queryKey: ["delivery-health"] });
      router.refresh();
    } finally {
      setTesting(false);
    }
  }

  function onRemove() {
    startRemoving(async () => {
      const result = await deleteIntegrationAction(target);
      setConfirmRemove(false);
      if (!result.ok)
        return toast.show({ tone: "error", title: `${view.name}: not removed`, description: result.error });
      form.reset(valuesOf({ ...view, settings: {}, configured: false }, fields));
      setLastTest(null);
      toast.show({ tone: "success", title: `${view.name} removed` });
      router.refresh();
    });
  }

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-zinc-200 bg-white shadow-xs">
      <IntegrationSummary
        view={view}
        headingId={headingId}
        bodyId={bodyId}
        open={open}
        onToggle={() => setOpen((o) => !o)}
        health={health}
        note={note}
      />
      <div id={bodyId} hidden={!open} className="space-y-4 border-t border-zinc-100 px-4 py-4 sm:px-5">
        {open && (
          <>
            {subtitle}
            <form
              onSubmit={onSave}
              noValidate
              className={cn("grid gap-x-6 gap-y-4", aside && "lg:grid-cols-[minmax(0,1fr)_15rem]")}
            >
              <div className={cn("min-w-0 space-y-4", !aside && "max-w-2xl")}>
                {fields.map((field) => (
                  <SettingsField
                    key={field.name}
                    field={field}
                    form={form}
                    error={errors[field.name]?.message}
                    teamId={teamId}
                  />
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
              </div>
              {aside && <div className="min-w-0 text-sm text-zinc-600">{aside}</div>}
              <div className={cn("flex flex-wrap items-center justify-end gap-2", aside && "lg:col-span-2")}>
                {view.configured && !confirmRemove && (
                  <Button type="button" variant="ghost" className="mr-auto" onClick={() => setConfirmRemove(true)}>
                    Remove
                  </Button>
                )}
                {confirmRemove && (
                  <div
                    role="group"
                    aria-label={`Remove ${view.name}?`}
                    className="mr-auto flex flex-wrap items-center gap-2 text-sm"
                  >
                    <span className="text-zinc-700">Remove these settings?</span>
                    <Button type="button" variant="danger" pending={removing} onClick={onRemove}>
                      Yes, remove
                    </Button>
                    <Button type="button" variant="ghost" onClick={() => setConfirmRemove(false)}>
                      Cancel
                    </Button>
                  </div>
                )}
                <Button type="button" variant="secondary" pending={testing} onClick={onTest}>
                  Test
                </Button>
                <Button type="submit" pending={saving}>
                  Save
                </Button>
              </div>
            </form>
            {lastTest && (
              <p
                className={cn(
                  "rounded-md px-3 py-2 text-sm",
                  lastTest.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900",
                )}
              >
                <span className="font-medium">
                  Last test, <Time iso={lastTest.at} />:
                </span>{" "}
                {lastTest.line}
              </p>
            )}
            {extras}
          </>
        )}
      </div>
    </section>
  );
}

const SECRET_HINT = "Stored encrypted and shown masked. Leave a masked value as it is to keep it.";

type FormApi = ReturnType<typeof useIntegrationForm>["form"];

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
