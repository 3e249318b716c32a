"use client";

import dynamic from "next/dynamic";

// Recharts measures the browser's layout: rendered there only, the figure keeping its size meanwhile.
export const LazyNewVsResolved = dynamic(() => import("./NewVsResolvedChart"), {
  ssr: false,
  loading: () => <div className="h-56 w-full animate-pulse rounded bg-zinc-50" />,
});
