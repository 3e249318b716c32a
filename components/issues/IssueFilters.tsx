"use client";

import { Search } from "lucide-react";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/field";
import { FilterSelect, type FilterOption } from "./FilterSelect";
import { useFilterUrl } from "./use-filter-url";

type Option = { id: string; name: string };
type Props = {
  query: Record<string, string | undefined>;
  teams: Option[];
  assets: Option[];
  detectors: Option[];
};

const ANY = { value: "", label: "Any" };
const SEVERITIES = [ANY, ...["Error", "Warning", "Info"].map((label) => ({ value: label.toLowerCase(), label }))];
const STATUSES = [
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
  { value: "ignored", label: "Ignored" },
  { value: "all", label: "Any" },
];
const SORTS = [
  { value: "newest", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
  { value: "severity", label: "Most severe first" },
];

/** Server-side filters: every change is a new URL, so a filtered view can be shared or reloaded. */
export function IssueFilters({ query, teams, assets, detectors }: Props) {
  const { pending, go } = useFilterUrl(query);
  const [text, setText] = useState(query.q ?? "");

  // Typing searches after a short pause, so the server is not asked once per keystroke.
  useEffect(() => {
    if (text === (query.q ?? "")) return;
    const timer = setTimeout(() => go({ q: text || undefined }), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const select = (label: string, key: string, options: FilterOption[], fallback = "") => (
    <FilterSelect
      label={label}
      value={query[key] ?? fallback}
      options={options}
      onChange={(value) => go({ [key]: value || undefined, q: text || undefined })}
    />
  );

  return (
    <form
      role="search"
      aria-label="Filter issues"
      aria-busy={pending || undefined}
      className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-[minmax(0,2fr)_repeat(5,minmax(0,1fr))_minmax(9.5rem,1.2fr)]"
      onSubmit={(e) => {
        e.preventDefault();
        go({ q: text || undefined });
      }}
    >
      <label className="col-span-2 flex flex-col gap-1 text-xs font-medium text-zinc-600 sm:col-span-3 lg:col-span-2 xl:col-span-1">
        Search
        <span className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-zinc-400" aria-hidden />
          <Input
            type="search"
            className="h-9 pl-8"
            placeholder="Detector, path, asset or content"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </span>
      </label>
      {select("Severity", "severity", SEVERITIES)}
      {select("Status", "status", STATUSES, "open")}
      {select("Team", "teamId", [ANY, ...teams.map((t) => ({ value: t.id, label: t.name }))])}
      {select("Asset", "assetId", [ANY, ...assets.map((a) => ({ value: a.id, label: a.name }))])}
      {select("Detector", "detectorId", [
        ANY,
        ...detectors.map((d) => ({ value: d.id, label: `${d.name} (${d.id})` })),
      ])}
      {select("Sort", "sort", SORTS, "newest")}
    </form>
  );
}
