import { z } from "zod";
import { ValidationError } from "@/lib/errors";

/** A settings body: any JSON object; the provider's schema judges the fields. */
export const settingsBody = z.record(z.string(), z.unknown(), { message: "Send the settings as a JSON object" });

/**
 * Test takes an optional body: none tests the saved settings, a settings object tests those
 * unsaved edits. Test bodies are small, so no streaming cap is needed beyond this one.
 */
export async function optionalSettingsBody(request: Request): Promise<Record<string, unknown> | undefined> {
  const text = await request.text();
  if (text.length > 64 * 1024) throw new ValidationError("The request body is too large for settings", { body: "Too large" }, 400);
  if (!text.trim()) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON", { body: "Malformed JSON" }, 400);
  }
  const parsed = settingsBody.safeParse(json);
  if (!parsed.success) throw new ValidationError("Send the settings as a JSON object", { body: "Expected an object" });
  return parsed.data;
}
