"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useToast } from "@/components/ui/toast";
import { deleteIntegrationAction, saveIntegrationAction, testIntegrationAction } from "@/lib/integrations/actions";
import type { TestResult } from "@/lib/integrations/types";
import type { IntegrationView } from "@/lib/integrations/views";
import { describeTest } from "./format";
import { valuesOf, type FormValues, type useIntegrationForm } from "./use-integration-form";

export type LastTest = { ok: boolean; line: string; at: string };

/** Save, Test and Remove for one integration's form, with their pending states and toasts. */
export function useIntegrationActions(
  view: IntegrationView,
  teamId: string | null,
  { form, fields }: Pick<ReturnType<typeof useIntegrationForm>, "form" | "fields">,
  onTested?: (result: TestResult) => void,
) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [saving, startSaving] = useTransition();
  const [removing, startRemoving] = useTransition();
  const [testing, setTesting] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [lastTest, setLastTest] = useState<LastTest | null>(null);
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

  return { onSave, onTest, onRemove, saving, testing, removing, lastTest, confirmRemove, setConfirmRemove };
}
