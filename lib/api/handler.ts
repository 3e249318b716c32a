import type { z } from "zod";
import { principalFromBearer } from "@/lib/auth/tokens";
import type { Principal } from "@/lib/auth/principal";
import { NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { BODY_LIMITS, readJsonBody } from "./body";
import { errorResponse } from "./respond";
import { textProblem } from "./text";
import { isUuid } from "@/lib/ids";

type Params = Record<string, string>;
type Context<B> = { principal: Principal; body: B; params: Params; request: Request; url: URL };

export type RouteOptions<S> = {
  /** The body's zod schema; without one the route reads no body. */
  body?: S;
  /** An empty body is allowed and reaches the handler as undefined (a Test of the saved settings). */
  optionalBody?: boolean;
  /** Bytes of body read at most (BODY_LIMITS); 64 KiB unless the route says otherwise. */
  maxBytes?: number;
  /**
   * The role check that can be made from the caller and the path alone. It runs before a byte of
   * the body is read, so a caller without the right gets 403 however much they send. The service
   * the handler calls checks again, so the server action and the REST route share its rule.
   */
  authorize?: (ctx: { principal: Principal; params: Params }) => void | Promise<void>;
};

/**
 * The one wrapper for every `/api/v1` route: Bearer authentication, the route's role check, then a
 * size-capped JSON body parsed with the route's zod schema, and errors mapped to the contract's
 * error body.
 */
export function apiRoute<S extends z.ZodType | undefined = undefined>(
  options: RouteOptions<S>,
  handler: (ctx: Context<S extends z.ZodType ? z.output<S> : undefined>) => Promise<unknown>,
) {
  return async (request: Request, routeContext: { params: Promise<Params> }): Promise<Response> => {
    try {
      const principal = await principalFromBearer(request.headers.get("authorization"));
      if (!principal) throw new UnauthorizedError("A valid API token is required (Authorization: Bearer <token>)");
      const params = checkedParams((await routeContext.params) ?? {});
      const url = new URL(request.url);
      checkQuery(url);
      await options.authorize?.({ principal, params });
      let body: unknown = undefined;
      if (options.body) {
        const raw = await readJsonBody(request, options.maxBytes ?? BODY_LIMITS.default, {
          optional: options.optionalBody,
        });
        body = raw === undefined ? undefined : options.body.parse(raw);
      }
      const result = await handler({ principal, body: body as never, params, request, url });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Path parameters as Next.js decoded them, once: an asset id `a%2Fb` arrives in the path as
 * `a%252Fb` and stays `a%2Fb`, never `a/b`. A value that is not text (NUL, a lone surrogate) can
 * name nothing, so it is a 404.
 */
function checkedParams(raw: Params): Params {
  for (const value of Object.values(raw)) {
    if (typeof value !== "string" || textProblem(value)) throw new NotFoundError("Resource");
  }
  return raw;
}

/** Query parameters go to the database as text too: a NUL or lone surrogate is a 400 naming it. */
function checkQuery(url: URL): void {
  for (const [key, value] of url.searchParams) {
    const field = textProblem(key) ? "query" : key;
    const problem = textProblem(key) ?? textProblem(value);
    if (problem) throw new ValidationError(`${field}: ${problem}`, { [field]: problem }, 400);
  }
}

/** A path id that must be a UUID: anything else cannot exist, so it is a 404, not a 500. */
export function uuidParam(value: string | undefined, what: string): string {
  if (!value || !isUuid(value)) throw new NotFoundError(what);
  return value;
}
