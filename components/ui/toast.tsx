"use client";

import { X } from "lucide-react";
import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";
import { cn } from "@/lib/cn";

export type ToastTone = "success" | "error" | "info";
type Toast = { id: number; tone: ToastTone; title: string; description?: string };
type ToastApi = { show: (toast: Omit<Toast, "id">) => void };

const ToastContext = createContext<ToastApi | null>(null);

// Long enough to read a vendor's error text; failures stay until dismissed.
const SUCCESS_MS = 8000;

/**
 * Popup messages. A success is `role="status"` (announced politely), a failure `role="alert"`
 * (announced at once). Each toast is inserted whole, so screen readers read it once.
 */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (toast: Omit<Toast, "id">) => {
      const id = ++next.current;
      // One popup at a time: the newest result replaces the last, so there is never a doubt which
      // message answers the button just pressed.
      setToasts([{ ...toast, id }]);
      if (toast.tone !== "error") setTimeout(() => dismiss(id), SUCCESS_MS);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:inset-x-auto sm:right-0 sm:items-end">
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.tone === "error" ? "alert" : "status"}
            className={cn(
              "pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border bg-white p-3 pr-2 text-sm shadow-lg",
              t.tone === "error" ? "border-red-200" : t.tone === "success" ? "border-emerald-200" : "border-zinc-200",
            )}
          >
            <span
              aria-hidden
              className={cn(
                "mt-1.5 size-2 shrink-0 rounded-full",
                t.tone === "error" ? "bg-red-600" : t.tone === "success" ? "bg-emerald-600" : "bg-accent-600",
              )}
            />
            <div className="min-w-0 flex-1">
              <p className="font-medium text-zinc-900">{t.title}</p>
              {t.description && <p className="mt-0.5 break-words text-zinc-700">{t.description}</p>}
            </div>
            <button
              type="button"
              onClick={() => dismiss(t.id)}
              className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
              aria-label="Dismiss"
            >
              <X className="size-4" aria-hidden />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast needs a <ToastProvider> above it");
  return api;
}
