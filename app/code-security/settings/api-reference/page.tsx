import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { ApiReference } from "@/components/settings/ApiReference";
import { requirePagePrincipal } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API reference" };

const SPEC_URL = "/api/v1/openapi.json";

export default async function ApiReferencePage() {
  await requirePagePrincipal();
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Every <code className="rounded bg-zinc-100 px-1">/api/v1</code> call, its parameters, bodies and answers.
            Authenticate with a personal token from{" "}
            <Link href="/code-security/settings/api-tokens" className="text-accent-700 underline">
              API tokens
            </Link>
            . The machine-readable OpenAPI 3.1 document is at{" "}
            <a href={SPEC_URL} className="text-accent-700 underline">
              {SPEC_URL}
            </a>
            .
          </>
        }
      />
      <ApiReference specUrl={SPEC_URL} />
    </>
  );
}
