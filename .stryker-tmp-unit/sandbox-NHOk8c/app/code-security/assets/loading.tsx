// @ts-nocheck
export default function AssetsLoading() {
  return (
    <main className="px-4 py-6 md:px-8" aria-busy="true">
      <h1 className="mb-6 text-xl font-semibold tracking-tight text-zinc-900">Assets</h1>
      <p role="status" className="sr-only">
        Loading assets…
      </p>
      <div className="space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-12 animate-pulse rounded bg-zinc-100" />
        ))}
      </div>
    </main>
  );
}
