"use client";

import { useQuery } from "@tanstack/react-query";
import { Controller } from "react-hook-form";
import { Field, Select } from "@/components/ui/field";
import { listMondayWorkspacesAction } from "@/lib/integrations/actions";
import type { useIntegrationForm } from "./use-integration-form";

type Props = { teamId: string; form: ReturnType<typeof useIntegrationForm>["form"]; error?: string };

/** The team's "Default workspace", picked from the workspaces monday.com lists right now. */
export function MondayWorkspaceField({ teamId, form, error }: Props) {
  const query = useQuery({
    queryKey: ["monday-workspaces", teamId],
    queryFn: async () => {
      const result = await listMondayWorkspacesAction({ teamId });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    retry: false,
    staleTime: 60_000,
  });
  const current = form.watch("defaultWorkspaceId");
  const workspaces = query.data ?? [];
  const missing = typeof current === "string" && current !== "" && !workspaces.some((w) => w.id === current);
  const hint = query.isPending
    ? "Loading workspaces from monday.com…"
    : query.isError
      ? `Could not load workspaces: ${query.error.message}`
      : "This workspace comes first when the team's people create Monday items.";
  return (
    <Field label="Default workspace" error={error} hint={hint}>
      {({ id, describedBy }) => (
        // Controlled: the options change when the live list arrives, and an uncontrolled select
        // would lose its selection when the placeholder option for the saved id is replaced.
        <Controller
          control={form.control}
          name="defaultWorkspaceId"
          render={({ field }) => (
            <Select
              id={id}
              aria-describedby={describedBy}
              aria-invalid={!!error}
              aria-busy={query.isPending || undefined}
              name={field.name}
              ref={field.ref}
              value={typeof field.value === "string" ? field.value : ""}
              onChange={field.onChange}
              onBlur={field.onBlur}
            >
              <option value="">Choose a workspace</option>
              {missing && <option value={current}>Workspace {current}</option>}
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </Select>
          )}
        />
      )}
    </Field>
  );
}
