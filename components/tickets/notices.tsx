"use client";

import { ExternalLink, RotateCw } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** What to do when the integration is missing or broken; the settings link helps those who can fix it. */
export function SetupProblem({
  message,
  onRetry,
  retrying,
}: {
  message: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  const notConfigured = /not configured/i.test(message);
  return (
    <div role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p>{message}</p>
      <div className="flex flex-wrap gap-2">
        {notConfigured && (
          <Link href="/code-security/settings/integrations" className="font-medium text-red-900 underline">
            Open Settings → Integrations
          </Link>
        )}
        <Button type="button" variant="secondary" className="h-7 px-2 text-xs" pending={retrying} onClick={onRetry}>
          <RotateCw className="size-3.5" aria-hidden /> Retry
        </Button>
      </div>
    </div>
  );
}

export function ExistingTicket({ label, href, text }: { label: string; href: string; text: string }) {
  return (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      {label}{" "}
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        className="inline-flex items-center gap-1 font-medium underline"
      >
        {text} <ExternalLink className="size-3.5" aria-hidden />
      </a>
    </p>
  );
}
