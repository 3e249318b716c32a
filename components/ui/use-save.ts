"use client";

import { useState } from "react";

export type SaveMessage = { tone: "status" | "alert"; text: string };

/**
 * A form's save: `saving` while it runs, then the words it returns as a status message, or the
 * error's own words as an alert.
 */
export function useSave(report: (message: SaveMessage) => void) {
  const [saving, setSaving] = useState(false);
  const save = async (work: () => Promise<string>) => {
    setSaving(true);
    try {
      report({ tone: "status", text: await work() });
    } catch (error) {
      report({ tone: "alert", text: error instanceof Error ? error.message : "Could not save" });
    } finally {
      setSaving(false);
    }
  };
  return { saving, save };
}
