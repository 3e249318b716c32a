"use client";

import { useState, useTransition } from "react";
import { Select } from "@/components/ui/field";
import { setAssetTeamAction } from "@/lib/assets/actions";
import type { AssetView } from "@/lib/assets/queries";

/** The asset's team, changed in place; a refused change puts the old team back and says why. */
export function AssetTeamSelect({ asset, teams }: { asset: AssetView; teams: { id: string; name: string }[] }) {
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState(asset.teamId ?? "");
  const [error, setError] = useState<string>();
  return (
    <div>
      <Select
        aria-label={`Team of ${asset.name}`}
        className="h-8 py-1"
        value={value}
        disabled={pending}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const next = e.target.value;
          const previous = value;
          setValue(next);
          startTransition(async () => {
            setError(undefined);
            const result = await setAssetTeamAction({ id: asset.id, teamId: next || null });
            if (!result.ok) {
              setValue(previous);
              setError(result.error);
            }
          });
        }}
      >
        <option value="">No team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </Select>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
