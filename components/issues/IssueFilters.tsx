"use client";

import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Input, Select } from "@/components/ui/field";
import { issuesHref } from "./format";

type Option = { id: string; name: string };
type Props = {
  query: Record<string, string | undefined>;
  teams: Option[];
  assets: Option[];
  detectors: Option[];
};

/** Server-side filters: every change is a new URL, so a filtered view can be shared or reloaded. */
export function IssueFilters({ query, teams, assets, detectors }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(query.q ?? "");

  // The URL most recently asked for: a search that fires after a select changed builds on it,
  // not on the props of the render that started the timer.
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
  }, [query]);

  const go = (changes: Record<string, string | undefined>) => {
    const href = issuesHref(latest.current, { ...changes, issue: undefined });
    latest.current = Object.fromEntries(new URL(href, "http://x").searchParams);
    startTransition(() => router.push(href, { scroll: false }));
  };

  // Typing searches after a short pause, so the server is not asked once per keystroke.
  useEffect(() => {
    if (text === (query.q ?? "")) return;
    const timer = setTimeout(() => go({ q: text || undefined }), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const select = (label: string, key: string, options: { value: string; label: string }[], fallback = "") => (
    <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-zinc-600">
      {label}
      <Select
        className="h-9 py-1.5"
        value={query[key] ?? fallback}
        onChange={(e) => go({ [key]: e.target.value || undefined, q: text || undefined })}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
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
      {select("Severity", "severity", [
        { value: "", label: "Any" },
        { value: "error", label: "Error" },
        { value: "warning", label: "Warning" },
        { value: "info", label: "Info" },
      ])}
      {select(
        "Status",
        "status",
        [
          { value: "open", label: "Open" },
          { value: "resolved", label: "Resolved" },
          { value: "ignored", label: "Ignored" },
          { value: "all", label: "Any" },
        ],
        "open",
      )}
      {select("Team", "teamId", [{ value: "", label: "Any" }, ...teams.map((t) => ({ value: t.id, label: t.name }))])}
      {select("Asset", "assetId", [
        { value: "", label: "Any" },
        ...assets.map((a) => ({ value: a.id, label: a.name })),
      ])}
      {select("Detector", "detectorId", [
        { value: "", label: "Any" },
        ...detectors.map((d) => ({ value: d.id, label: `${d.name} (${d.id})` })),
      ])}
      {select(
        "Sort",
        "sort",
        [
          { value: "newest", label: "Newest first" },
          { value: "oldest", label: "Oldest first" },
          { value: "severity", label: "Most severe first" },
        ],
        "newest",
      )}
    </form>
  );
}
