/** Typed service errors. One mapper (lib/api/respond.ts) turns them into API bodies and form errors. */
// @ts-nocheck

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 502,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields?: FieldErrors, status: 400 | 422 = 422) {
    super(status, "validation_failed", message, fields);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Authentication required") {
    super(401, "unauthorized", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that") {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(what = "Resource") {
    super(404, "not_found", `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fields?: FieldErrors) {
    super(409, "conflict", message, fields);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message = "Request body is larger than 10 MiB") {
    super(413, "payload_too_large", message);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "rate_limited", message);
  }
}

/** A vendor answered with an error: its HTTP status and its own error text, never our secrets. */
export class VendorError extends AppError {
  constructor(
    readonly vendorStatus: number | null,
    readonly vendorMessage: string,
  ) {
    super(502, "vendor_error", vendorMessage);
  }
}
