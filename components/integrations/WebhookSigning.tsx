"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { CopyButton } from "@/components/ui/copy-button";
import { NODE_SNIPPET, PYTHON_SNIPPET } from "@/lib/integrations/signature-snippets";

import { isMasked } from "@/lib/crypto/mask";

type Props = { configured: boolean; token?: string };

const tabClass =
  "rounded-md px-3 py-1.5 text-sm font-medium text-zinc-600 hover:text-zinc-900 data-[state=active]:bg-white data-[state=active]:text-zinc-900 data-[state=active]:shadow-xs";

/** The signing token (for whoever manages the scope) and how a receiver checks our signature. */
export function WebhookSigning({ configured, token }: Props) {
  return (
    <div className="space-y-3">
      <div className="rounded-md bg-zinc-50 p-3 text-sm">
        <p className="font-medium text-zinc-800">Signing token</p>
        {!configured ? (
          <p className="mt-1 text-zinc-600">
            Code Security generates a signing token when you first save. It signs every request with HMAC-SHA256.
          </p>
        ) : token && !isMasked(token) ? (
          <>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code className="min-w-0 flex-1 break-all rounded border border-zinc-200 bg-white px-2 py-1.5 font-mono text-xs text-zinc-900">
                {token}
              </code>
              <CopyButton value={token} label="Copy token" />
            </div>
            <p className="mt-2 text-zinc-600">
              It cannot be changed. To get a new one, remove this integration and save it again.
            </p>
          </>
        ) : (
          <p className="mt-1 text-zinc-600">
            Set. Only an account administrator or the team&rsquo;s lead can see the token.
          </p>
        )}
      </div>
      <details className="rounded-md border border-zinc-200">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-zinc-800">Verify the signature</summary>
        <div className="space-y-2 border-t border-zinc-200 p-3 text-sm text-zinc-700">
          <p>
            Every request carries <code className="font-mono text-xs">x-spectral-timestamp</code> and{" "}
            <code className="font-mono text-xs">x-spectral-signature</code>: the lowercase hex HMAC-SHA256 of the raw
            body, keyed with <code className="font-mono text-xs">{"${timestamp}_${token}"}</code>. Answer 200 within 10
            seconds.
          </p>
          <Tabs.Root defaultValue="node">
            <Tabs.List aria-label="Language" className="inline-flex gap-1 rounded-lg bg-zinc-100 p-1">
              <Tabs.Trigger value="node" className={tabClass}>
                Node.js
              </Tabs.Trigger>
              <Tabs.Trigger value="python" className={tabClass}>
                Python
              </Tabs.Trigger>
            </Tabs.List>
            <Snippet value="node" code={NODE_SNIPPET} />
            <Snippet value="python" code={PYTHON_SNIPPET} />
          </Tabs.Root>
        </div>
      </details>
    </div>
  );
}

function Snippet({ value, code }: { value: string; code: string }) {
  return (
    <Tabs.Content value={value} className="mt-2 space-y-2">
      <pre
        tabIndex={0}
        className="max-h-80 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs leading-relaxed text-zinc-100"
      >
        <code>{code}</code>
      </pre>
      <CopyButton value={code} label="Copy code" />
    </Tabs.Content>
  );
}
