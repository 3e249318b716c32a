import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { ApiTokens } from "@/components/settings/ApiTokens";
import { requirePagePrincipal } from "@/lib/auth/session";
import { listTokens } from "@/lib/people/users";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const principal = await requirePagePrincipal();
  const tokens = await listTokens(principal.userId);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal tokens authenticate scripts and scanners against the REST API with{" "}
            <code className="rounded bg-zinc-100 px-1">Authorization: Bearer &lt;token&gt;</code>. A token acts with
            your role. See the{" "}
            <Link href="/code-security/settings/api-reference" className="text-accent-700 underline">
              API reference
            </Link>{" "}
            for every call.
          </>
        }
      />
      <ApiTokens
        tokens={tokens.map((t) => ({
          ...t,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
