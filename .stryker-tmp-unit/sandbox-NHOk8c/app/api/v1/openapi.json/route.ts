// @ts-nocheck
import { openApiDocument } from "@/lib/openapi/document";

/** The API's OpenAPI 3.1 document: public, as it describes only the API's shape. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
