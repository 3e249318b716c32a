// @ts-nocheck
import { z } from "zod";

/** A settings body: any JSON object; the provider's schema judges the fields. */
export const settingsBody = z.record(z.string(), z.unknown(), { message: "Send the settings as a JSON object" });
