"use client";

import { useEffect, useRef, useState } from "react";
import { loadRedoc, REDOC_OPTIONS } from "./redoc";

/** The OpenAPI document rendered by Redoc, with loading and error states. */
export function ApiReference({ specUrl }: { specUrl: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let live = true;
    loadRedoc()
      .then(
        (redoc) =>
          new Promise<void>((resolve, reject) => {
            if (!host.current) return resolve();
            redoc.init(specUrl, REDOC_OPTIONS, host.current, (error) => (error ? reject(error) : resolve()));
          }),
      )
      .then(
        () => live && setState("ready"),
        () => live && setState("failed"),
      );
    return () => {
      live = false;
    };
  }, [specUrl]);

  return (
    <div className="-mx-4 md:-mx-8">
      {state === "loading" && (
        <p role="status" className="px-4 text-sm text-zinc-600 md:px-8">
          Loading the API reference…
        </p>
      )}
      {state === "failed" && (
        <p role="alert" className="px-4 text-sm text-red-700 md:px-8">
          The API reference could not be shown. The document itself is at{" "}
          <a className="underline" href={specUrl}>
            {specUrl}
          </a>
          .
        </p>
      )}
      <div ref={host} aria-busy={state === "loading"} className="bg-white" />
    </div>
  );
}
