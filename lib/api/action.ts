import type { z } from "zod";
import { currentPrincipal } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/principal";
import { AppError, type FieldErrors, UnauthorizedError } from "@/lib/errors";
import { errorFacts, logger } from "@/lib/log";
import { zodFieldErrors } from "./respond";
import { textProblems } from "./text";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fields?: FieldErrors };

/**
 * The one wrapper for server actions: the caller must be signed in, the input is parsed with the
 * same zod schema the form uses, and every field's error comes back keyed by field.
 */
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>, principal: Principal) => Promise<T>,
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const principal = await currentPrincipal();
      if (!principal) throw new UnauthorizedError("Your session has ended; sign in again");
      const unreadable = textProblems(input);
      if (unreadable) return { ok: false, error: "Check the highlighted fields", fields: unreadable };
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, error: "Check the highlighted fields", fields: zodFieldErrors(parsed.error) };
      }
      return { ok: true, data: await fn(parsed.data, principal) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields };
      logger().error({ err: errorFacts(error) }, "action: unexpected error");
      return { ok: false, error: "Something went wrong; try again" };
    }
  };
}
