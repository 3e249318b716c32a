import { Select, Options } from "@/components/ui/field";

export type FilterOption = { value: string; label: string };

/** One filter of the issues table: a labelled select whose change is a new URL. */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: FilterOption[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-zinc-600">
      {label}
      <Select className="h-9 py-1.5" value={value} onChange={(e) => onChange(e.target.value)}>
        <Options options={options} />
      </Select>
    </label>
  );
}
