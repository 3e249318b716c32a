import { ZodError } from "zod";
import { AppError, type FieldErrors, RateLimitedError } from "@/lib/errors";
import { errorFacts, logger } from "@/lib/log";

/** zod issues → `{ "findings[3].severity": "Invalid option…" }`, every field, keyed by its path. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  const join = (acc: string, part: PropertyKey) =>
    typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part);
  for (const issue of error.issues) {
    const base = issue.path.reduce<string>(join, "");
    // An unknown field is named itself (`settings.colour`), not its parent object.
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) fields[join(base, key)] ??= "Unknown field";
    else fields[base || "body"] ??= issue.message;
  }
  return fields;
}

export function errorBody(code: string, message: string, fields?: FieldErrors) {
  return { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}) } };
}

/** The one mapper from a thrown error to the API's error answer. Unknown errors never leak details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    const fields = zodFieldErrors(error);
    const first = Object.entries(fields)[0];
    return Response.json(
      errorBody("validation_failed", first ? `${first[0]}: ${first[1]}` : "Invalid request", fields),
      { status: 422 },
    );
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitedError) headers["retry-after"] = String(error.retryAfterSeconds);
    return Response.json(errorBody(error.code, error.message, error.fields), { status: error.status, headers });
  }
  logger().error({ err: errorFacts(error) }, "api: unexpected error");
  return Response.json(errorBody("internal_error", "Something went wrong"), { status: 500 });
}
