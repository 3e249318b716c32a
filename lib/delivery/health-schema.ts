import { z } from "zod";

// Client-safe: the Delivery health panel and its server action share these.

/** One hour of one integration's deliveries: counted by outcome, with the p95 of its attempts' time. */
export type HealthHour = { hour: string; delivered: number; failed: number; p95Ms: number | null };

export const HEALTH_WINDOWS = ["24h", "7d"] as const;
export type HealthWindow = (typeof HEALTH_WINDOWS)[number];
export const healthInput = z.object({
  integrationId: z.uuid("Not an integration id"),
  window: z.enum(HEALTH_WINDOWS, { message: "window is 24h or 7d" }).default("24h"),
});
export const WINDOW_HOURS: Record<HealthWindow, number> = { "24h": 24, "7d": 168 };

export type DeliveryHealth = {
  window: HealthWindow;
  /** Every hour of the window, oldest first, zeros where nothing was sent. */
  hours: HealthHour[];
  delivered: number;
  failed: number;
  /** Over every attempt in the window. */
  p95Ms: number | null;
  lastDeliveryAt: string | null;
  lastDeliveryOk: boolean | null;
};
