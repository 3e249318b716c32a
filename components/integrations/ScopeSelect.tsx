"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Select, Options } from "@/components/ui/field";

type Props = { value: string; options: { value: string; label: string }[] };

/** The "Scope" combobox: Global, or a team the viewer may manage. The choice lives in the URL. */
export function ScopeSelect({ value, options }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="integrations-scope" className="text-sm font-medium text-zinc-800">
        Scope
      </label>
      <Select
        id="integrations-scope"
        className="w-auto min-w-40"
        value={value}
        aria-busy={pending || undefined}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(() => router.push(`/code-security/settings/integrations?scope=${encodeURIComponent(next)}`));
        }}
      >
        <Options options={options} />
      </Select>
    </div>
  );
}
