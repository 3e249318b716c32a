// @ts-nocheck
"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * Announces the page title after client navigation. It replaces Next's own announcer (hidden in
 * globals.css) because that one is an always-present empty `role="alert"`, which would be
 * confused with the product's real alerts; a bare live region announces the same without a role.
 */
export function RouteAnnouncer() {
  const pathname = usePathname();
  const [message, setMessage] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setMessage(document.title), 50);
    return () => clearTimeout(timer);
  }, [pathname]);
  return (
    <div aria-live="assertive" aria-atomic="true" className="sr-only">
      {message}
    </div>
  );
}
