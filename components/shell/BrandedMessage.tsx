import Link from "next/link";
import { ShieldCheck } from "lucide-react";

/** The frame of the product's own 404 and error pages: the mark, a heading, what to do next. */
export function BrandedMessage({
  code,
  title,
  children,
  actions,
}: {
  code: string;
  title: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-zinc-100 px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <ShieldCheck className="mx-auto size-10 text-accent-600" aria-hidden />
        <p className="mt-4 text-sm font-semibold tracking-wide text-accent-700">{code}</p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight text-zinc-900">{title}</h1>
        <div className="mt-2 text-sm text-zinc-600">{children}</div>
        <div className="mt-6 flex flex-wrap justify-center gap-2">
          {actions}
          <Link
            href="/code-security"
            className="inline-flex h-9 items-center rounded-md bg-accent-600 px-3.5 text-sm font-medium text-white hover:bg-accent-700"
          >
            Go to the overview
          </Link>
        </div>
        <p className="mt-6 text-xs text-zinc-500">Code Security</p>
      </div>
    </main>
  );
}
