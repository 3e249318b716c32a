// @ts-nocheck
export default function IssuesLoading() {
  return (
    <main className="px-4 py-6 md:px-8" aria-busy="true">
      <h1 className="mb-6 text-xl font-semibold tracking-tight text-zinc-900">Issues</h1>
      <p role="status" className="sr-only">
        Loading issues…
      </p>
      <div className="mb-4 h-9 w-full max-w-lg animate-pulse rounded bg-zinc-200" />
      <div className="space-y-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-10 animate-pulse rounded bg-zinc-100" />
        ))}
      </div>
    </main>
  );
}
