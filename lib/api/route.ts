import type { z } from "zod";
import { principalFromBearer } from "@/lib/auth/tokens";
import type { Principal } from "@/lib/auth/principal";
import { NotFoundError, PayloadTooLargeError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { errorResponse } from "./respond";

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

type Params = Record<string, string>;
type Context<B> = { principal: Principal; body: B; params: Params; request: Request; url: URL };

/**
 * The one wrapper for every `/api/v1` route: Bearer authentication, a size-capped JSON body parsed
 * with the route's zod schema, and errors mapped to the contract's error body. Role checks happen
 * in the service the handler calls, so the REST route and the server action share them.
 */
export function apiRoute<S extends z.ZodType | undefined = undefined>(
  options: { body?: S; maxBytes?: number },
  handler: (ctx: Context<S extends z.ZodType ? z.output<S> : undefined>) => Promise<unknown>,
) {
  return async (request: Request, routeContext: { params: Promise<Params> }): Promise<Response> => {
    try {
      const principal = await principalFromBearer(request.headers.get("authorization"));
      if (!principal) throw new UnauthorizedError("A valid API token is required (Authorization: Bearer <token>)");
      let body: unknown = undefined;
      if (options.body) {
        const raw = await readBody(request, options.maxBytes ?? MAX_BODY_BYTES);
        body = options.body.parse(raw);
      }
      const params = Object.fromEntries(
        Object.entries((await routeContext.params) ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
      );
      const result = await handler({ principal, body: body as never, params, request, url: new URL(request.url) });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function readBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new PayloadTooLargeError();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new PayloadTooLargeError();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new ValidationError("The request body is empty; send JSON", { body: "Required" }, 400);
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON", { body: "Malformed JSON" }, 400);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that must be a UUID: anything else cannot exist, so it is a 404, not a 500. */
export function uuidParam(value: string | undefined, what: string): string {
  if (!value || !UUID.test(value)) throw new NotFoundError(what);
  return value;
}
